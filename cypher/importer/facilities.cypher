// Hospitals and Provider of Services files: facilities merged on their CCN, filling in stubs. Returns the
// lines of rows repeating a facility this import already wrote.
// $rows: [{id, props, line}], $source, $importId
UNWIND $rows AS r
MERGE (f:Facility {id: r.id})
  ON CREATE SET f.network = 'OUT', f.inNetwork = false, f.beds = 0
WITH f, r, coalesce(f.importId = $importId, false) AS duplicate
FOREACH (_ IN CASE WHEN duplicate THEN [] ELSE [1] END |
  SET f += r.props, f.stub = false, f.source = $source, f.importId = $importId)
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
