// Network membership, step 2: a physician is IN when employed by the home system or practising at an IN
// practice, AFFILIATED when affiliated with an IN facility, otherwise OUT; inNetwork is true for IN and
// AFFILIATED. No parameters.
MATCH (p:Physician)
WITH p,
     EXISTS { (p)-[:EMPLOYED_BY]->(:HealthSystem {home: true}) }
       OR EXISTS { (p)-[:PRACTICES_AT]->(:Practice {network: 'IN'}) } AS inNetwork,
     EXISTS { (p)-[:AFFILIATED_WITH]->(:Facility {network: 'IN'}) } AS affiliated
SET p.network = CASE WHEN inNetwork THEN 'IN' WHEN affiliated THEN 'AFFILIATED' ELSE 'OUT' END,
    p.inNetwork = inNetwork OR affiliated
