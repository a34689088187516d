// One task with its owner and what it is about. $id
MATCH (u:User)-[:OWNS]->(task:Task {id: $id})-[:ABOUT]->(x)
RETURN task, u.username AS owner, coalesce(u.displayName, u.username) AS ownerName, x.id AS targetId,
       x.name AS targetName, CASE WHEN x:Practice THEN 'Practice' ELSE 'Physician' END AS targetKind
