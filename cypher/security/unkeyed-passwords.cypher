// Users whose stored password hash is not yet keyed with the server secret. $prefix: the keyed form's prefix.
MATCH (u:User) WHERE u.passwordHash IS NOT NULL AND NOT u.passwordHash STARTS WITH $prefix
RETURN u.username AS username, u.passwordHash AS hash
