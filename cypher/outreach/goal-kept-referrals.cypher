// Progress of a KEPT_REFERRALS goal: the kept referrals of the physicians in its scope over its period
// (in its service line, if it has one), as value.
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
  AND (g.serviceLine IS NULL OR r.serviceLine = g.serviceLine) AND x.inNetwork
RETURN toFloat(coalesce(sum(r.referrals), 0)) AS value
