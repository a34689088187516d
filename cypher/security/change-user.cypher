// An administrator changes a user's name shown, roles and whether they may log in.
// $username, $displayName, $roles, $enabled.
MATCH (u:User {username: $username})
SET u.displayName = $displayName, u.roles = $roles, u.enabled = $enabled
