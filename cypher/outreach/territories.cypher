// Every territory with the user names of its liaisons and how many physicians it holds, by name.
// No parameters.
MATCH (t:Territory)
CALL (t) {
  OPTIONAL MATCH (u:User)-[:COVERS]->(t)
  WITH u ORDER BY u.username
  RETURN collect(u.username) AS liaisons
}
CALL (t) {
  MATCH (p:Physician) WHERE p.zip IN t.zips
  RETURN count(p) AS physicians
}
RETURN t.id AS id, t.name AS name, t.zips AS zips, liaisons, physicians
ORDER BY toLower(t.name), t.id
