// Gives a user a new API token; only its keyed hash is stored. $username, $id, $name, $hash, $hint.
MATCH (u:User {username: $username})
CREATE (u)-[:HAS_TOKEN]->(:ApiToken {id: $id, username: $username, name: $name, hash: $hash,
                                     hint: $hint, createdAt: datetime()})
