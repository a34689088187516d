// Sets a user's password, which also lifts a lock. $username, $hash (the encoded password).
MATCH (u:User {username: $username})
SET u.passwordHash = $hash, u.passwordChangedAt = datetime(), u.failedLogins = 0
REMOVE u.lockedUntil
