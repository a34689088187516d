// API tokens whose stored digest is not yet keyed with the server secret. $prefix: the keyed form's prefix.
MATCH (t:ApiToken) WHERE NOT t.hash STARTS WITH $prefix RETURN t.id AS id, t.hash AS hash
