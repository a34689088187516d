// Deletes one of a user's API tokens. $username, $id.
MATCH (:User {username: $username})-[:HAS_TOKEN]->(t:ApiToken {id: $id}) DETACH DELETE t
