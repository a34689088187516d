// The user an API token belongs to, noting when it was last used. $hash: the token's keyed hash.
MATCH (u:User)-[:HAS_TOKEN]->(t:ApiToken {hash: $hash})
SET t.lastUsedAt = datetime()
RETURN u.username AS username
