// Writes a batch of the demo region's practices, each part of its health system (if any). Their network
// (and inNetwork) is set afterwards by network membership.
// $rows: maps of id, name, npi, address, city, state, zip, lat, lon, healthSystemId
UNWIND $rows AS r
CREATE (p:Practice {id: r.id, name: r.name, npi: r.npi, address: r.address, city: r.city,
                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, network: 'OUT', inNetwork: false,
                    source: 'demo'})
WITH p, r WHERE r.healthSystemId IS NOT NULL
MATCH (h:HealthSystem {id: r.healthSystemId})
CREATE (p)-[:PART_OF]->(h)
