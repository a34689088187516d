// The bare CREATE floor: a batch of physicians, unchecked; returns each one's node id.
// $rows: [{npi, lastName, firstName, taxonomyCode, state}]
UNWIND $rows AS r
CREATE (p:Physician {npi: r.npi, id: r.npi, lastName: r.lastName, firstName: r.firstName,
                     taxonomyCode: r.taxonomyCode, state: r.state})
RETURN r.npi AS npi, id(p) AS id
