// The NPIs among $npis that a physician in the graph has (encounters with --unknown-npi=refuse).
// $npis: list of NPIs
UNWIND $npis AS npi
MATCH (p:Physician {npi: npi})
RETURN npi
