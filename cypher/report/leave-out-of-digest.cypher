// A user's weekly digest no longer attaches a saved report. $username, $id
MATCH (:User {username: $username})-[r:DIGEST_INCLUDES]->(:SavedReport {id: $id})
DELETE r
