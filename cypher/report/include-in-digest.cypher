// A user's weekly digest attaches a saved report's rows as CSV. $username, $id
MATCH (u:User {username: $username}), (s:SavedReport {id: $id})
MERGE (u)-[:DIGEST_INCLUDES]->(s)
