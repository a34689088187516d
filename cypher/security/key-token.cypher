// Stores an API token's keyed digest. $id, $hash.
MATCH (t:ApiToken {id: $id}) SET t.hash = $hash
