// Physicians template: physicians merged on their NPI, with the practice they practise at and the health
// system that employs them (stubs when new). Returns the lines of rows repeating an NPI this import already wrote.
// $rows: [{npi, props, practice, employer, line}], $source, $importId
UNWIND $rows AS r
MERGE (p:Physician {npi: r.npi})
  ON CREATE SET p.id = r.npi, p.network = 'OUT', p.inNetwork = false
WITH p, r, coalesce(p.importId = $importId, false) AS duplicate
FOREACH (_ IN CASE WHEN duplicate THEN [] ELSE [1] END |
  SET p += r.props, p.stub = false, p.active = true, p.source = $source, p.importId = $importId)
FOREACH (id IN CASE WHEN duplicate OR r.practice IS NULL THEN [] ELSE [r.practice] END |
  MERGE (o:Practice {id: id})
    ON CREATE SET o.name = id, o.stub = true, o.network = 'OUT', o.inNetwork = false, o.source = $source
  MERGE (p)-[:PRACTICES_AT]->(o))
FOREACH (id IN CASE WHEN duplicate OR r.employer IS NULL THEN [] ELSE [r.employer] END |
  MERGE (h:HealthSystem {id: id}) ON CREATE SET h.name = id, h.home = false, h.source = $source
  MERGE (p)-[:EMPLOYED_BY]->(h))
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
