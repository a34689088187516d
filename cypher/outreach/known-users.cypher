// Which of some user names belong to users.
// $names: user names
MATCH (u:User) WHERE u.username IN $names RETURN collect(u.username) AS known
