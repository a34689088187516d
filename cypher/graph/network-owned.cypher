// Network membership, step 1: a practice or facility is IN when it is PART_OF the home health system,
// otherwise OUT; inNetwork says whether its referrals count as kept. No parameters.
MATCH (n) WHERE n:Practice OR n:Facility
WITH n, EXISTS { (n)-[:PART_OF]->(:HealthSystem {home: true}) } AS owned
SET n.network = CASE WHEN owned THEN 'IN' ELSE 'OUT' END,
    n.inNetwork = owned
