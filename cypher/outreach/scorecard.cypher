// Per enabled liaison: interactions logged and physicians reached in person over a period, the day of the
// last face-to-face interaction, their follow-ups whose date has passed with nothing logged with that
// physician or practice since, and their open or waiting tasks past due. By name.
// $from: date; $to: date (exclusive); $today: date; $faceToFace: the interaction types made at the office
MATCH (u:User)
WHERE 'LIAISON' IN u.roles AND coalesce(u.enabled, true)
CALL (u) {
  OPTIONAL MATCH (u)-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
  WITH i, x, i.date >= $from AND i.date < $to AS inPeriod
  RETURN count(CASE WHEN inPeriod THEN i END) AS interactions,
         count(DISTINCT CASE WHEN inPeriod AND i.reached = 'PHYSICIAN' AND x:Physician THEN x END) AS reached,
         max(CASE WHEN i.type IN $faceToFace AND i.date <= $today THEN i.date END) AS lastVisit
}
CALL (u) {
  OPTIONAL MATCH (u)-[:LOGGED]->(f:Interaction)-[:WITH]->(x)
  WHERE f.followUpDate IS NOT NULL AND f.followUpDate < $today
    AND NOT EXISTS {
      MATCH (x)<-[:WITH]-(later:Interaction)
      WHERE later.date > f.date OR (later.date = f.date AND later.loggedAt > f.loggedAt)
    }
  RETURN count(f) AS overdueFollowUps
}
CALL (u) {
  OPTIONAL MATCH (u)-[:OWNS]->(t:Task)
  WHERE t.status <> 'DONE' AND t.due < $today
  RETURN count(t) AS overdueTasks
}
RETURN u.username AS username, coalesce(u.displayName, u.username) AS name, interactions, reached, lastVisit,
       overdueFollowUps, overdueTasks
ORDER BY toLower(name), username
