// Lifts a user's lock and clears their failed logins. $username.
MATCH (u:User {username: $username}) SET u.failedLogins = 0 REMOVE u.lockedUntil
