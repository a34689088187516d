// Changes a goal and links it to its territory or user anew (none for a TEAM goal); returns its id.
// $values: the goal's properties (id, name, metric, serviceLine, target, periodStart, periodEnd, scope);
// $scopeId: territory id or user name ('' for TEAM); $by: user name of who changes it
MATCH (g:Goal {id: $values.id})
SET g += $values, g.updatedAt = datetime(), g.updatedBy = $by
WITH g
OPTIONAL MATCH (g)-[old:FOR]->()
DELETE old
WITH DISTINCT g
OPTIONAL MATCH (s) WHERE (s:Territory AND s.id = $scopeId AND g.scope = 'TERRITORY')
                      OR (s:User AND s.username = $scopeId AND g.scope = 'USER')
FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (g)-[:FOR]->(x))
RETURN g.id AS id
