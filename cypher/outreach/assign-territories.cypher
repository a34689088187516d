// Sets the territories a user covers (only those).
// $username: user name; $ids: territory ids
MATCH (u:User {username: $username})
OPTIONAL MATCH (u)-[c:COVERS]->(:Territory)
DELETE c
WITH DISTINCT u
UNWIND $ids AS id
MATCH (t:Territory {id: id})
MERGE (u)-[:COVERS]->(t)
