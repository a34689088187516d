// A successful login clears the count of failures (writes nothing when there were none, unless
// $interactive, when it also notes the time of the login). $username, $interactive.
MATCH (u:User {username: $username})
WHERE coalesce(u.failedLogins, 0) > 0 OR $interactive
SET u.failedLogins = 0
FOREACH (_ IN CASE WHEN $interactive THEN [1] ELSE [] END | SET u.lastLoginAt = datetime())
