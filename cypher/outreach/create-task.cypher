// Creates a task owned by a user about a physician or practice.
// $username: the owner; $targetId; $values: {id, title, notes, due, status, alertId, createdBy}
MATCH (u:User {username: $username})
MATCH (x {id: $targetId}) WHERE x:Physician OR x:Practice
CREATE (u)-[:OWNS]->(task:Task)-[:ABOUT]->(x)
SET task = $values, task.createdAt = datetime()
