// One interaction with who logged it and the physician or practice it was with.
// $id: interaction id
MATCH (i:Interaction {id: $id}) WITH i
MATCH (u:User)-[:LOGGED]->(i)-[:WITH]->(x)
RETURN i, u.username AS username, coalesce(u.displayName, u.username) AS userName, x.id AS targetId, x.name AS targetName,
       CASE WHEN x:Practice THEN 'Practice' ELSE 'Physician' END AS targetKind
