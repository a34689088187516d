// Influence without GDS: how many referrals a physician's receivers pass on (two-hop reach).
// $from, $to: the period
MATCH (p:Physician)-[r:REFERRED]->(q:Physician)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH p, q, sum(r.referrals) AS direct
MATCH (q)-[r2:REFERRED]->(:Physician)
WHERE r2.periodStart >= $from AND r2.periodStart < $to
WITH p, sum(direct) AS direct, sum(r2.referrals) AS passedOn
RETURN p.id, p.name, direct, passedOn ORDER BY passedOn DESC LIMIT 100
