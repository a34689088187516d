// Stores a user's keyed password hash. $username, $hash.
MATCH (u:User {username: $username}) SET u.passwordHash = $hash
