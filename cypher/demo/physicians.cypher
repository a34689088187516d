// Writes a batch of the demo region's physicians with their practice, employer and facility affiliations.
// Their network (and inNetwork) is set afterwards by network membership.
// $rows: maps of id, npi, firstName, lastName, credential, specialty, taxonomyCode, serviceLine, sex,
// address, city, state, zip, lat, lon, practiceId, employerId, affiliatedFacilityIds
UNWIND $rows AS r
CREATE (d:Physician {id: r.id, npi: r.npi, name: r.firstName + ' ' + r.lastName + ', ' + r.credential,
                     firstName: r.firstName, lastName: r.lastName, credential: r.credential,
                     specialty: r.specialty, taxonomyCode: r.taxonomyCode,
                     serviceLine: r.serviceLine, sex: r.sex, active: true, address: r.address,
                     city: r.city, state: r.state, zip: r.zip, lat: r.lat, lon: r.lon,
                     network: 'OUT', inNetwork: false, source: 'demo'})
WITH d, r
MATCH (p:Practice {id: r.practiceId})
CREATE (d)-[:PRACTICES_AT]->(p)
WITH d, r
CALL {
  WITH d, r
  MATCH (h:HealthSystem {id: r.employerId})
  CREATE (d)-[:EMPLOYED_BY]->(h)
}
CALL {
  WITH d, r
  UNWIND r.affiliatedFacilityIds AS facilityId
  MATCH (f:Facility {id: facilityId})
  CREATE (d)-[:AFFILIATED_WITH]->(f)
}
