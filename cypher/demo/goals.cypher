// Writes the demo goals, each linked to its territory or user (if any and it exists).
// $goals: maps of id, name, metric, serviceLine, target, periodStart, periodEnd, scope, scopeId
UNWIND $goals AS r
CREATE (g:Goal {id: r.id, name: r.name, metric: r.metric, serviceLine: r.serviceLine,
                target: r.target, periodStart: r.periodStart, periodEnd: r.periodEnd,
                scope: r.scope, source: 'demo', createdAt: datetime(), createdBy: 'admin'})
WITH g, r
OPTIONAL MATCH (s) WHERE (s:Territory AND s.id = r.scopeId) OR (s:User AND s.username = r.scopeId)
FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (g)-[:FOR]->(x))
