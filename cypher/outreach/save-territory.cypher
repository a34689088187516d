// Creates or changes a territory and sets who covers it (only those liaisons).
// $id: territory id; $name: its name; $zips: its ZIP codes; $liaisons: user names of who covers it
MERGE (t:Territory {id: $id})
  ON CREATE SET t.createdAt = datetime()
SET t.name = $name, t.zips = $zips, t.updatedAt = datetime()
WITH t
OPTIONAL MATCH (:User)-[c:COVERS]->(t)
DELETE c
WITH DISTINCT t
UNWIND $liaisons AS liaison
MATCH (u:User {username: liaison})
MERGE (u)-[:COVERS]->(t)
