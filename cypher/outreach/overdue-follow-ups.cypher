// Every user's follow-ups whose date is before a day, unless a later interaction with the same physician or
// practice has happened since. By follow-up date.
// $before: date (exclusive)
MATCH (u:User)-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
WHERE i.followUpDate IS NOT NULL AND i.followUpDate < $before
  AND NOT EXISTS {
    MATCH (x)<-[:WITH]-(later:Interaction)
    WHERE later.date > i.date OR (later.date = i.date AND later.loggedAt > i.loggedAt)
  }
RETURN i.id AS id, u.username AS username, x.id AS targetId, x.name AS targetName, x.zip AS zip, i.date AS date,
       i.followUpDate AS followUpDate, i.type AS type, i.outcome AS outcome
ORDER BY followUpDate, id
