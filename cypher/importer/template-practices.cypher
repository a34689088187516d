// Practices template: practices merged on their id, part of the health system the row names (a stub when new).
// Returns the lines of rows repeating an id this import already wrote.
// $rows: [{id, props, system, line}], $source, $importId
UNWIND $rows AS r
MERGE (o:Practice {id: r.id})
  ON CREATE SET o.network = 'OUT', o.inNetwork = false
WITH o, r, coalesce(o.importId = $importId, false) AS duplicate
FOREACH (_ IN CASE WHEN duplicate THEN [] ELSE [1] END |
  SET o += r.props, o.stub = false, o.source = $source, o.importId = $importId)
FOREACH (id IN CASE WHEN duplicate OR r.system IS NULL THEN [] ELSE [r.system] END |
  MERGE (h:HealthSystem {id: id}) ON CREATE SET h.name = id, h.home = false, h.source = $source
  MERGE (o)-[:PART_OF]->(h))
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
