// Writes a batch of the demo region's payers.
// $rows: maps of id, name, type
UNWIND $rows AS r
CREATE (:Payer {id: r.id, name: r.name, type: r.type, source: 'demo'})
