// Network membership, step 3: an independent practice (part of no health system) with an AFFILIATED
// physician is AFFILIATED, and so in network; any other practice that is not IN is OUT. Only what changes
// is written. No parameters.
MATCH (pr:Practice) WHERE pr.network <> 'IN'
WITH pr, NOT EXISTS { (pr)-[:PART_OF]->(:HealthSystem) }
         AND EXISTS { (:Physician {network: 'AFFILIATED'})-[:PRACTICES_AT]->(pr) } AS affiliated
WITH pr, CASE WHEN affiliated THEN 'AFFILIATED' ELSE 'OUT' END AS network
WHERE pr.network <> network OR pr.inNetwork IS NULL OR pr.inNetwork <> (network <> 'OUT')
SET pr.network = network,
    pr.inNetwork = network <> 'OUT'
