// NPPES registry: deactivated NPIs mark the physician or practice that has them inactive.
// $rows: [{npi, date, line}]
UNWIND $rows AS r
OPTIONAL MATCH (p:Physician {npi: r.npi})
OPTIONAL MATCH (o:Practice {id: r.npi})
FOREACH (n IN [x IN [p, o] WHERE x IS NOT NULL] | SET n.active = false, n.deactivatedOn = r.date)
