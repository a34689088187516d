// Alerts a user may see, the newest day's first and within a day the most at stake first, with whom each
// goes to: a liaison sees those they own and those about a place in a territory they cover; the team view
// sees all.
// $username: user name; $team: boolean; $status, $kind: strings or null for all; $targetId: id or null;
// $id: one alert's id or null; $limit: integer
MATCH (x:Alert)
WHERE ($status IS NULL OR x.status = $status) AND ($kind IS NULL OR x.kind = $kind)
  AND ($targetId IS NULL OR x.targetId = $targetId) AND ($id IS NULL OR x.id = $id)
  AND ($team OR x.owner = $username
       OR (x.owner IS NULL AND EXISTS {
             MATCH (:User {username: $username})-[:COVERS]->(t:Territory) WHERE any(z IN x.zips WHERE z IN t.zips)
           }))
WITH x ORDER BY date(x.raisedAt) DESC, x.rank DESC, x.targetId, x.id LIMIT $limit
CALL (x) {
  OPTIONAL MATCH (u:User)-[:COVERS]->(t:Territory)
  WHERE x.owner IS NULL AND any(z IN x.zips WHERE z IN t.zips)
  WITH DISTINCT u ORDER BY u.username
  RETURN collect(u.username) AS covering
}
OPTIONAL MATCH (x)-[:ABOUT]->(target)
RETURN x, target.name AS targetName, CASE WHEN target:Practice THEN 'Practice' ELSE 'Physician' END AS targetKind,
       CASE WHEN x.owner IS NULL THEN covering ELSE [x.owner] END AS recipients
ORDER BY date(x.raisedAt) DESC, x.rank DESC, x.targetId, x.id
