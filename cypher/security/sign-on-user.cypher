// A user signed on through the identity provider: created at the first sign-on (no password), name and
// roles refreshed at every one. $username, $displayName, $roles (list of role names).
MERGE (u:User {username: $username})
  ON CREATE SET u.enabled = true, u.failedLogins = 0, u.createdAt = datetime(), u.source = 'oidc'
SET u.displayName = $displayName, u.roles = $roles
