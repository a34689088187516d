// Network membership, step 1: a practice or facility is IN when it is PART_OF the home health system,
// otherwise OUT; inNetwork says whether its referrals count as kept. An independent practice that is
// AFFILIATED keeps that for step 3 to decide once its physicians are known. Only what changes is written.
// No parameters.
MATCH (n) WHERE n:Practice OR n:Facility
WITH n, EXISTS { (n)-[:PART_OF]->(:HealthSystem {home: true}) } AS owned
WITH n, CASE WHEN owned THEN 'IN' WHEN n:Practice AND n.network = 'AFFILIATED' THEN 'AFFILIATED' ELSE 'OUT' END
        AS network
WHERE n.network IS NULL OR n.network <> network OR n.inNetwork IS NULL OR n.inNetwork <> (network <> 'OUT')
SET n.network = network,
    n.inNetwork = network <> 'OUT'
