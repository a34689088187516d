// A user's follow-ups due by a day: their interactions with a follow-up date up to then, unless a later
// interaction with the same physician or practice has happened since. By follow-up date.
// $username: user name; $horizon: date (inclusive)
MATCH (:User {username: $username})-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
WHERE i.followUpDate IS NOT NULL AND i.followUpDate <= $horizon
  AND NOT EXISTS {
    MATCH (x)<-[:WITH]-(later:Interaction)
    WHERE later.date > i.date OR (later.date = i.date AND later.loggedAt > i.loggedAt)
  }
WITH i ORDER BY i.followUpDate, i.id
MATCH (u:User)-[:LOGGED]->(i)-[:WITH]->(x)
RETURN i, u.username AS username, x.id AS targetId, x.name AS targetName,
       CASE WHEN x:Practice THEN 'Practice' ELSE 'Physician' END AS targetKind
ORDER BY i.followUpDate, i.id
