// Every goal with the id and name of its territory or user, by period (newest first) and name.
// No parameters.
MATCH (g:Goal)
OPTIONAL MATCH (g)-[:FOR]->(s)
RETURN g, coalesce(s.id, s.username) AS scopeId, coalesce(s.name, s.displayName, s.username) AS scopeName
ORDER BY g.periodStart DESC, g.name, g.id
