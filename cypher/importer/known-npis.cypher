// The NPIs among $npis that a physician or a practice in the graph has (encounters with --unknown-npi=refuse).
// $npis: list of NPIs
UNWIND $npis AS npi
WITH npi WHERE EXISTS { MATCH (:Physician {npi: npi}) } OR EXISTS { MATCH (:Practice {npi: npi}) }
RETURN npi
