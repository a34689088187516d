// The five physicians not IN the home network (affiliated ones included) with the most referral
// relationships in liaison2's territories, for the plan of the week the demo starts with.
// No parameters.
MATCH (:User {username: 'liaison2'})-[:COVERS]->(t:Territory)
MATCH (p:Physician) WHERE p.zip IN t.zips AND p.network <> 'IN'
RETURN p.id AS id ORDER BY COUNT { (p)-[:REFERRED]->() } DESC, p.id LIMIT 5
