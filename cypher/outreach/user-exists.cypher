// The user with a user name, when there is one.
// $username: user name
MATCH (u:User {username: $username}) RETURN u
