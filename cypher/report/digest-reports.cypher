// The saved reports a user's weekly digest attaches, by title. $username
MATCH (:User {username: $username})-[:DIGEST_INCLUDES]->(s:SavedReport)
RETURN s.id AS id
ORDER BY toLower(s.title), s.id
