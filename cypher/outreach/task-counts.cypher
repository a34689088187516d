// Per user who owns tasks or covers a territory: open, waiting, overdue and recently done tasks.
// $today: date; $doneSince: datetime
MATCH (u:User)
WHERE EXISTS { (u)-[:OWNS]->(:Task) } OR EXISTS { (u)-[:COVERS]->(:Territory) }
OPTIONAL MATCH (u)-[:OWNS]->(task:Task)
WITH u,
     count(CASE WHEN task.status = 'OPEN' THEN 1 END) AS open,
     count(CASE WHEN task.status = 'WAITING' THEN 1 END) AS waiting,
     count(CASE WHEN task.status <> 'DONE' AND task.due < $today THEN 1 END) AS overdue,
     count(CASE WHEN task.status = 'DONE' AND task.closedAt >= $doneSince THEN 1 END) AS doneRecently
RETURN u.username AS username, coalesce(u.displayName, u.username) AS name, open, waiting, overdue, doneRecently
ORDER BY overdue DESC, toLower(name)
