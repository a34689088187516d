// Synthea payers merged on their id.
// $rows: [{id, name, type}], $source, $importId
UNWIND $rows AS r
MERGE (y:Payer {id: r.id})
SET y.name = r.name, y.type = r.type, y.source = $source, y.importId = $importId
