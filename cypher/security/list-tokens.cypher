// A user's API tokens, newest first. $username.
MATCH (:User {username: $username})-[:HAS_TOKEN]->(t:ApiToken)
RETURN t ORDER BY t.createdAt DESC
