// Network membership, step 2: a physician is IN when employed by the home system or practising at an IN
// practice, AFFILIATED when affiliated with an IN facility, otherwise OUT; inNetwork is true for IN and
// AFFILIATED. A physician who was IN or AFFILIATED and is now OUT keeps when that was seen (leftNetworkOn)
// and what they were (previousNetwork) until they are in network again. Only physicians whose membership
// changes are written. No parameters.
MATCH (p:Physician)
WITH p, p.network AS before,
     EXISTS { (p)-[:EMPLOYED_BY]->(:HealthSystem {home: true}) }
       OR EXISTS { (p)-[:PRACTICES_AT]->(:Practice {network: 'IN'}) } AS inNetwork,
     EXISTS { (p)-[:AFFILIATED_WITH]->(:Facility {network: 'IN'}) } AS affiliated
WITH p, before, CASE WHEN inNetwork THEN 'IN' WHEN affiliated THEN 'AFFILIATED' ELSE 'OUT' END AS after
WHERE before IS NULL OR before <> after OR p.inNetwork IS NULL OR p.inNetwork <> (after <> 'OUT')
   OR (after <> 'OUT' AND (p.leftNetworkOn IS NOT NULL OR p.previousNetwork IS NOT NULL))
WITH p, before, after, before IN ['IN', 'AFFILIATED'] AND after = 'OUT' AS left
SET p.network = after,
    p.inNetwork = after <> 'OUT',
    p.leftNetworkOn = CASE WHEN left THEN date() WHEN after <> 'OUT' THEN null ELSE p.leftNetworkOn END,
    p.previousNetwork = CASE WHEN left THEN before WHEN after <> 'OUT' THEN null ELSE p.previousNetwork END
