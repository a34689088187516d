// NPPES registry: individuals (entity type 1) merged as physicians on their NPI. Returns the lines of rows
// repeating an NPI this import already wrote.
// $rows: [{npi, props, line}], $source, $importId
UNWIND $rows AS r
MERGE (p:Physician {npi: r.npi})
  ON CREATE SET p.id = r.npi, p.network = 'OUT', p.inNetwork = false
WITH p, r, coalesce(p.importId = $importId, false) AS duplicate
FOREACH (_ IN CASE WHEN duplicate THEN [] ELSE [1] END |
  SET p += r.props, p.stub = false, p.active = true, p.source = $source, p.importId = $importId)
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
