// Writes a batch of the demo region's health systems.
// $rows: maps of id, name, home
UNWIND $rows AS r
CREATE (:HealthSystem {id: r.id, name: r.name, home: r.home, source: 'demo'})
