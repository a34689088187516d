// Tasks matching a filter: open and waiting ones by due date (none last), then done ones newest first.
// Every filter parameter may be null, for no filter.
// $username: owner; $status; $targetId; $overdueBefore: date, only tasks not done and due before it; $limit
MATCH (u:User)-[:OWNS]->(task:Task)-[:ABOUT]->(x)
WHERE ($username IS NULL OR u.username = $username)
  AND ($status IS NULL OR task.status = $status)
  AND ($targetId IS NULL OR x.id = $targetId)
  AND ($overdueBefore IS NULL OR (task.status <> 'DONE' AND task.due < $overdueBefore))
WITH task, u, x
ORDER BY CASE WHEN task.status = 'DONE' THEN 1 ELSE 0 END, task.due IS NULL, task.due, task.closedAt DESC,
         task.createdAt, task.id
LIMIT $limit
RETURN task, u.username AS owner, coalesce(u.displayName, u.username) AS ownerName, x.id AS targetId,
       x.name AS targetName, CASE WHEN x:Practice THEN 'Practice' ELSE 'Physician' END AS targetKind
