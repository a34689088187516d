// Logs an interaction of a user with a physician or practice.
// $username: who logged it; $targetId: physician or practice id;
// $values: the interaction's properties (id, type, date, reached, durationMinutes, notes, outcome, followUpDate)
MATCH (u:User {username: $username})
MATCH (x {id: $targetId}) WHERE x:Physician OR x:Practice
WITH u, x LIMIT 1
CREATE (u)-[:LOGGED]->(i:Interaction {id: $values.id, loggedAt: datetime()})-[:WITH]->(x)
SET i += $values
