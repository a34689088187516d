// NPPES registry: organisations (entity type 2) merged as practices on their NPI. Returns the lines of rows
// repeating an NPI this import already wrote.
// $rows: [{npi, props, line}], $source, $importId
UNWIND $rows AS r
MERGE (o:Practice {id: r.npi})
  ON CREATE SET o.network = 'OUT', o.inNetwork = false
WITH o, r, coalesce(o.importId = $importId, false) AS duplicate
FOREACH (_ IN CASE WHEN duplicate THEN [] ELSE [1] END |
  SET o += r.props, o.npi = r.npi, o.active = true, o.source = $source, o.importId = $importId)
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
