// What a provider received per month and service line; for a practice, what its physicians received.
// $id, $from (inclusive), $to (exclusive).
CALL () {
  MATCH (n:Physician {id: $id}) RETURN n
  UNION MATCH (n:Practice {id: $id}) RETURN n
  UNION MATCH (n:Facility {id: $id}) RETURN n
}
WITH CASE WHEN n:Practice THEN COLLECT { MATCH (m:Physician)-[:PRACTICES_AT]->(n) RETURN m } ELSE [n] END AS receivers
UNWIND receivers AS s
MATCH (s)<-[r:REFERRED]-()
WHERE r.periodStart >= $from AND r.periodStart < $to
RETURN r.periodStart AS month, r.serviceLine AS serviceLine, sum(r.referrals) AS referrals
ORDER BY month, serviceLine
