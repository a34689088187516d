// Leakage by service line as a user writes it first: no label on the start node, rows collected then reduced.
// The baseline the leakage report is timed against; it states the network rule itself on purpose.
// $from, $to: the period
MATCH (p)-[r:REFERRED]->(t)
WHERE p.network IN ['IN', 'AFFILIATED'] AND r.periodStart >= $from AND r.periodStart < $to
WITH r.serviceLine AS serviceLine, collect({n: r.referrals, out: t.network = 'OUT'}) AS referrals
RETURN serviceLine,
       reduce(s = 0, x IN referrals | s + x.n) AS referrals,
       reduce(s = 0, x IN referrals | s + CASE WHEN x.out THEN x.n ELSE 0 END) AS leaked
