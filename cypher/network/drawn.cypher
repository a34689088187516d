// Everything the explorer draws, each node once: its fields; for a physician, what it sent to other drawn
// nodes in the period (summed per target, [element id, referrals, patients, revenue]) and the drawn practices
// it works at, and the practice it works at first by name (for grouping). Each physician's own referrals are
// read once, and whether a referral's target is drawn is a set lookup on the node, made before any of the
// referral's properties are read. A flow's revenue is its referrals × revenue per case of their service lines.
// $eids (element ids), $from, $to (exclusive), $lines (empty = all), $minReferrals, $revenuePerCase (by
// service line), $defaultRevenuePerCase.
UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
WITH collect(n) AS drawn
UNWIND drawn AS n
CALL (n, drawn) {
  MATCH (n:Physician)-[r:REFERRED]->(b)
  WHERE b IN drawn AND r.periodStart >= $from AND r.periodStart < $to
    AND (size($lines) = 0 OR r.serviceLine IN $lines)
  WITH b, sum(r.referrals) AS referrals, sum(r.patients) AS patients,
       sum(r.referrals * coalesce($revenuePerCase[r.serviceLine], $defaultRevenuePerCase)) AS revenue
  WHERE referrals >= $minReferrals
  RETURN collect([elementId(b), referrals, patients, revenue]) AS flows
}
WITH n, drawn, flows,
     head(COLLECT {
       MATCH (n:Physician)-[:PRACTICES_AT]->(p:Practice)
       WITH p ORDER BY p.name, p.id LIMIT 1
       RETURN p {.id, .name} AS practice
     }) AS firstPractice
RETURN elementId(n) AS eid, n.id AS id, labels(n) AS labels, n.name AS name,
       CASE WHEN n:Physician THEN n.specialty WHEN n:Facility THEN n.type ELSE 'Practice' END AS detail,
       n.city AS city, n.network AS network,
       head([(n)-[:EMPLOYED_BY|PRACTICES_AT|PART_OF*1..2]->(h:HealthSystem) | h.name]) AS healthSystem,
       flows,
       [(n:Physician)-[:PRACTICES_AT]->(p:Practice) WHERE p IN drawn | elementId(p)] AS practices,
       CASE WHEN n:Practice THEN n.id ELSE firstPractice.id END AS practiceId,
       CASE WHEN n:Practice THEN n.name ELSE firstPractice.name END AS practice
