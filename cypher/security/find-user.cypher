// One user by name. $username.
MATCH (u:User {username: $username}) RETURN u
