// Writes the demo territories, each covered by its liaison when that user exists.
// $rows: maps of id, name, zips, liaison
UNWIND $rows AS r
CREATE (t:Territory {id: r.id, name: r.name, zips: r.zips, source: 'demo', createdAt: datetime()})
WITH t, r
MATCH (u:User {username: r.liaison})
MERGE (u)-[:COVERS]->(t)
