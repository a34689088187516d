// The indexes still being built (POPULATING) or failed (FAILED), by name. No parameters.
SHOW INDEXES YIELD name, state
WHERE state <> 'ONLINE'
RETURN name, state
ORDER BY name
