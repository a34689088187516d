// Benchmark graph: every physician sends $per relationships: one in five to a facility, the rest to physicians;
// months cycle over the twelve before $end; volumes are heavy-tailed by index. Runs in transactions of its own
// (auto-commit).
// $per: relationships per physician, $physicians, $facilities: how many there are, $end: the month after the
// last, $lines: the service lines
MATCH (p:Physician)
CALL {
  WITH p
  UNWIND range(0, $per - 1) AS k
  WITH p, k, (p.idx * 7919 + k * 104729) AS h
  OPTIONAL MATCH (doctor:Physician {idx: h % $physicians})
    WHERE k % 5 <> 0 AND doctor <> p
  OPTIONAL MATCH (site:Facility {idx: h % $facilities})
    WHERE k % 5 = 0
  WITH p, k, h, coalesce(doctor, site) AS target
  WHERE target IS NOT NULL
  WITH p, k, h, target, $end - duration({months: 1 + k % 12}) AS month,
       1 + (h % 97) * (h % 97) / 800 AS n
  CREATE (p)-[:REFERRED {periodStart: month, periodEnd: month + duration({months: 1}),
                         serviceLine: $lines[(p.idx + k) % size($lines)],
                         referrals: n, patients: n, commercial: n, medicare: 0,
                         medicaid: 0, selfPay: 0}]->(target)
} IN TRANSACTIONS OF 2000 ROWS
