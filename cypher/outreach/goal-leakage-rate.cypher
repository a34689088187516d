// Progress of a LEAKAGE_RATE goal: the share of the referrals of the physicians in its scope over its
// period (in its service line, if it has one) that leaked, as value (0 when there are none).
// $id: goal id
MATCH (g:Goal {id: $id}) WITH g
CALL (g) {
  OPTIONAL MATCH (g)-[:FOR]->(scope)
  WITH g, scope
  MATCH (t:Territory)
  WHERE g.scope = 'TEAM' OR (g.scope = 'TERRITORY' AND t = scope)
     OR (g.scope = 'USER' AND (scope)-[:COVERS]->(t))
  UNWIND t.zips AS zip
  RETURN collect(DISTINCT zip) AS zips
}
OPTIONAL MATCH (p:Physician)-[r:REFERRED]->(x)
WHERE p.zip IN zips AND r.periodStart >= g.periodStart AND r.periodStart < g.periodEnd
  AND (g.serviceLine IS NULL OR r.serviceLine = g.serviceLine)
WITH sum(r.referrals) AS referrals,
     sum(CASE WHEN x.inNetwork THEN 0 ELSE r.referrals END) AS leaked
RETURN CASE WHEN referrals = 0 THEN 0.0 ELSE toFloat(leaked) / referrals END AS value
