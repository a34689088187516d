// A provider's ten busiest partners in the period, those it sent to ($sent true) or received from
// ($sent false); for a practice, its physicians' partners outside the practice.
// $id, $from (inclusive), $to (exclusive), $sent.
CALL () {
  MATCH (n:Physician {id: $id}) RETURN n
  UNION MATCH (n:Practice {id: $id}) RETURN n
  UNION MATCH (n:Facility {id: $id}) RETURN n
}
WITH CASE WHEN n:Practice THEN COLLECT { MATCH (m:Physician)-[:PRACTICES_AT]->(n) RETURN m } ELSE [n] END AS members
UNWIND members AS s
MATCH (s)-[r:REFERRED]-(o)
WHERE r.periodStart >= $from AND r.periodStart < $to AND NOT o IN members
  AND ((startNode(r) = s) = $sent)
WITH o, sum(r.referrals) AS referrals
ORDER BY referrals DESC, o.id LIMIT 10
RETURN o.id AS id, o.name AS name,
       CASE WHEN o:Physician THEN o.specialty WHEN o:Facility THEN o.type ELSE 'Practice' END AS detail,
       o.network AS network, referrals
