// Creates an enabled user with a password. $username, $hash (the encoded password), $displayName, $roles.
CREATE (u:User {username: $username, passwordHash: $hash, displayName: $displayName,
                roles: $roles, enabled: true, failedLogins: 0, createdAt: datetime()})
