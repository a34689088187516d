// Progress of a PHYSICIANS_REACHED goal: the physicians reached in person by the interactions in its scope
// over its period (of its service line, if it has one), as value.
// $id: goal id
MATCH (g:Goal {id: $id}) WITH g
OPTIONAL MATCH (g)-[:FOR]->(scope)
MATCH (u:User)-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
WHERE i.date >= g.periodStart AND i.date < g.periodEnd
  AND (g.serviceLine IS NULL OR x.serviceLine = g.serviceLine)
  AND (g.scope = 'TEAM' OR (g.scope = 'USER' AND u = scope)
       OR (g.scope = 'TERRITORY' AND x.zip IN scope.zips))
WITH i, x
WHERE i.reached = 'PHYSICIAN' AND x:Physician
RETURN toFloat(count(DISTINCT x)) AS value
