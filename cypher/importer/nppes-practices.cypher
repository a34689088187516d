// NPPES registry: organisations (entity type 2) merged as practices on their NPI. A stub physician a referral file
// made for the NPI before the registry said what it is becomes the practice, keeping its referrals. Returns the
// lines of rows repeating an NPI this import already wrote.
// $rows: [{npi, props, line}], $source, $importId
UNWIND $rows AS r
OPTIONAL MATCH (stub:Physician {npi: r.npi})
  WHERE stub.stub = true AND NOT EXISTS { MATCH (:Practice {id: r.npi}) }
CALL (stub, r) {
  WITH stub, r WHERE stub IS NOT NULL
  REMOVE stub:Physician, stub.stub, stub.firstName, stub.lastName, stub.credential, stub.specialty, stub.serviceLine
  SET stub:Practice, stub.id = r.npi
}
WITH r
MERGE (o:Practice {id: r.npi})
  ON CREATE SET o.network = 'OUT', o.inNetwork = false
WITH o, r, coalesce(o.importId = $importId, false) AS duplicate
FOREACH (_ IN CASE WHEN duplicate THEN [] ELSE [1] END |
  SET o += r.props, o.npi = r.npi, o.active = true, o.source = $source, o.importId = $importId)
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
