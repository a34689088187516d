// Network membership, step 3: an independent practice (part of no health system) with an AFFILIATED
// physician is AFFILIATED, and so in network. No parameters.
MATCH (pr:Practice {network: 'OUT'})
WHERE NOT (pr)-[:PART_OF]->(:HealthSystem)
  AND EXISTS { (:Physician {network: 'AFFILIATED'})-[:PRACTICES_AT]->(pr) }
SET pr.network = 'AFFILIATED',
    pr.inNetwork = true
