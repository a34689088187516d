// Facility affiliation: (:Physician)-[:AFFILIATED_WITH]->(:Facility) by NPI and CCN; an unknown physician or
// facility is created as a stub. Returns the lines of rows repeating an affiliation this import already wrote.
// $rows: [{npi, ccn, type, line}], $source, $importId
UNWIND $rows AS r
MERGE (p:Physician {npi: r.npi})
  ON CREATE SET p.id = r.npi, p.name = 'NPI ' + r.npi, p.stub = true, p.active = true,
                p.network = 'OUT', p.inNetwork = false, p.source = $source
MERGE (f:Facility {id: r.ccn})
  ON CREATE SET f.name = 'CCN ' + r.ccn, f.type = r.type, f.beds = 0, f.network = 'OUT', f.inNetwork = false,
                f.stub = true, f.source = $source
MERGE (p)-[x:AFFILIATED_WITH]->(f)
WITH r, x, coalesce(x.importId = $importId, false) AS duplicate
SET x.importId = $importId, x.source = $source
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
