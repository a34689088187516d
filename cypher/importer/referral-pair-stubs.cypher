// Physicians a batch of referral pairs names that this load has not met yet, created as stubs when new;
// returns each one's node id, which the first load of a period writes by.
// $rows: [{npi}], $source
UNWIND $rows AS s
MERGE (p:Physician {npi: s.npi})
  ON CREATE SET p.id = s.npi, p.name = 'NPI ' + s.npi, p.stub = true, p.active = true,
                p.network = 'OUT', p.inNetwork = false, p.source = $source
RETURN s.npi AS npi, id(p) AS id
