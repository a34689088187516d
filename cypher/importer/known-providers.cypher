// The providers among $ids (encounter provider ids: an NPI, or encounters:<id>) that the graph holds as a physician
// that is not a stub, or as a practice (--only-known-npis).
// $ids: list of ids
UNWIND $ids AS id
WITH id
WHERE EXISTS { MATCH (p:Physician {id: id}) WHERE NOT coalesce(p.stub, false) }
   OR EXISTS { MATCH (:Practice {npi: id}) }
RETURN id
