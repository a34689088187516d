// The NPIs among $npis that no physician or practice in the graph has (--unknown-npi=refuse).
// $npis: list of NPIs
UNWIND $npis AS npi
WITH npi WHERE NOT EXISTS { MATCH (:Physician {npi: npi}) } AND NOT EXISTS { MATCH (:Practice {npi: npi}) }
RETURN npi
