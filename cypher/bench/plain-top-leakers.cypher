// Top leaking physicians as a user writes it first: a second pass over each physician's referrals to find the
// top destination. The baseline the report is timed against; it states the network rule itself on purpose.
// $from, $to: the period
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE p.network IN ['IN', 'AFFILIATED'] AND r.periodStart >= $from AND r.periodStart < $to
WITH p, sum(r.referrals) AS referrals, sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
WHERE leaked > 0
CALL {
  WITH p
  MATCH (p)-[r2:REFERRED]->(d {network: 'OUT'})
  WHERE r2.periodStart >= $from AND r2.periodStart < $to
  RETURN d.name AS topDestination, sum(r2.referrals) AS n ORDER BY n DESC LIMIT 1
}
RETURN p.id, p.name, referrals, leaked, topDestination
ORDER BY leaked DESC LIMIT 100
