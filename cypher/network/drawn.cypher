// Everything the explorer draws, each node once: its fields; for a physician, what it sent to other drawn
// nodes in the period (summed per target, [element id, referrals, patients]) and the drawn practices it
// works at. Each physician's own referrals are read once, and whether a referral's target is drawn is a set
// lookup on the node, made before any of the referral's properties are read.
// $eids (element ids), $from, $to (exclusive), $lines (empty = all), $minReferrals.
UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
WITH collect(n) AS drawn
UNWIND drawn AS n
CALL (n, drawn) {
  MATCH (n:Physician)-[r:REFERRED]->(b)
  WHERE b IN drawn AND r.periodStart >= $from AND r.periodStart < $to
    AND (size($lines) = 0 OR r.serviceLine IN $lines)
  WITH b, sum(r.referrals) AS referrals, sum(r.patients) AS patients
  WHERE referrals >= $minReferrals
  RETURN collect([elementId(b), referrals, patients]) AS flows
}
RETURN elementId(n) AS eid, n.id AS id, labels(n) AS labels, n.name AS name,
       CASE WHEN n:Physician THEN n.specialty WHEN n:Facility THEN n.type ELSE 'Practice' END AS detail,
       n.city AS city, n.network AS network,
       head([(n)-[:EMPLOYED_BY|PRACTICES_AT|PART_OF*1..2]->(h:HealthSystem) | h.name]) AS healthSystem,
       flows,
       [(n:Physician)-[:PRACTICES_AT]->(p:Practice) WHERE p IN drawn | elementId(p)] AS practices
