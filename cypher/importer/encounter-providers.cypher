// The providers a batch of derived referrals names (encounters, synthea), by their id: the practice when the id is
// an NPI a practice has (an organisation NPI), else the physician with that id, created as a stub when new.
// Returns each one's node id, which the referrals are written by.
// $rows: [{id, npi}], $source
UNWIND $rows AS s
CALL (s) {
  MATCH (o:Practice {npi: s.npi})
  RETURN o AS p LIMIT 1
  UNION
  WITH s WHERE s.npi IS NULL OR NOT EXISTS { MATCH (:Practice {npi: s.npi}) }
  MERGE (p:Physician {id: s.id})
    ON CREATE SET p.npi = s.npi, p.name = coalesce('NPI ' + s.npi, s.id), p.stub = true, p.active = true,
                  p.network = 'OUT', p.inNetwork = false, p.source = $source
  RETURN p
}
RETURN s.id AS id, id(p) AS node
