// Interactions matching a filter, newest first, with who logged them and whom they were with. Every filter
// parameter may be null, for no filter.
// $username, $type, $reached: strings; $from (inclusive), $to (exclusive): dates; $targetId: physician or
// practice id; $territoryId: territory whose ZIP codes the physician or practice lies in; $limit: at most
OPTIONAL MATCH (t:Territory {id: $territoryId})
MATCH (u:User)-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
WHERE ($username IS NULL OR u.username = $username)
  AND ($type IS NULL OR i.type = $type) AND ($reached IS NULL OR i.reached = $reached)
  AND ($from IS NULL OR i.date >= $from) AND ($to IS NULL OR i.date < $to)
  AND ($targetId IS NULL OR x.id = $targetId)
  AND ($territoryId IS NULL OR x.zip IN t.zips)
WITH i ORDER BY i.date DESC, i.loggedAt DESC LIMIT $limit
MATCH (u:User)-[:LOGGED]->(i)-[:WITH]->(x)
RETURN i, u.username AS username, coalesce(u.displayName, u.username) AS userName, x.id AS targetId, x.name AS targetName,
       CASE WHEN x:Practice THEN 'Practice' ELSE 'Physician' END AS targetKind
ORDER BY i.date DESC, i.loggedAt DESC
