// Synthea providers: physicians merged on their id, practising at or affiliated with their organization.
// $rows: [{id, props, organization}], $source, $importId
UNWIND $rows AS r
MERGE (p:Physician {id: r.id}) ON CREATE SET p.network = 'OUT', p.inNetwork = false
SET p += r.props, p.active = true, p.stub = false, p.source = $source, p.importId = $importId
WITH p, r
OPTIONAL MATCH (practice:Practice {id: r.organization})
OPTIONAL MATCH (facility:Facility {id: r.organization})
FOREACH (o IN CASE WHEN practice IS NULL THEN [] ELSE [practice] END | MERGE (p)-[:PRACTICES_AT]->(o))
FOREACH (o IN CASE WHEN facility IS NULL THEN [] ELSE [facility] END | MERGE (p)-[:AFFILIATED_WITH]->(o))
