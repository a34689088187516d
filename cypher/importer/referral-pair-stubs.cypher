// The providers a batch of referral pairs names that this load has not met yet, by NPI: the practice when a
// practice has the NPI (an organisation NPI), else the physician, created as a stub when new. Returns each one's
// node id, which the referrals are written by.
// $rows: [{npi}], $source
UNWIND $rows AS s
CALL (s) {
  MATCH (o:Practice {npi: s.npi})
  RETURN o AS p LIMIT 1
  UNION
  WITH s WHERE NOT EXISTS { MATCH (:Practice {npi: s.npi}) }
  MERGE (p:Physician {npi: s.npi})
    ON CREATE SET p.id = s.npi, p.name = 'NPI ' + s.npi, p.stub = true, p.active = true,
                  p.network = 'OUT', p.inNetwork = false, p.source = $source
  RETURN p
}
RETURN s.npi AS npi, id(p) AS id
