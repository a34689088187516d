// A user's e-mail address and weekly digest choice; null removes either (the digest then follows the role).
// $username, $email, $digest.
MATCH (u:User {username: $username})
SET u.email = $email, u.digest = $digest
