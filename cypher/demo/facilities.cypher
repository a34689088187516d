// Writes a batch of the demo region's facilities, each part of its health system (if any). Their network
// (and inNetwork) is set afterwards by network membership.
// $rows: maps of id, name, type, address, city, state, zip, lat, lon, beds, healthSystemId
UNWIND $rows AS r
CREATE (f:Facility {id: r.id, name: r.name, type: r.type, address: r.address, city: r.city,
                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, beds: r.beds,
                    network: 'OUT', inNetwork: false, source: 'demo'})
WITH f, r WHERE r.healthSystemId IS NOT NULL
MATCH (h:HealthSystem {id: r.healthSystemId})
CREATE (f)-[:PART_OF]->(h)
