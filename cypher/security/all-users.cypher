// Every user, by name. No parameters.
MATCH (u:User) RETURN u ORDER BY u.username
