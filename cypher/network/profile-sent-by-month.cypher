// What a provider sent per month and service line, kept (target in network) and leaked (target OUT); for
// a practice, the referrals of its physicians. $id, $from (inclusive), $to (exclusive).
CALL () {
  MATCH (n:Physician {id: $id}) RETURN n
  UNION MATCH (n:Practice {id: $id}) RETURN n
  UNION MATCH (n:Facility {id: $id}) RETURN n
}
WITH CASE WHEN n:Practice THEN COLLECT { MATCH (m:Physician)-[:PRACTICES_AT]->(n) RETURN m } ELSE [n] END AS senders
UNWIND senders AS s
MATCH (s)-[r:REFERRED]->(t)
WHERE r.periodStart >= $from AND r.periodStart < $to
RETURN r.periodStart AS month, r.serviceLine AS serviceLine, sum(r.referrals) AS referrals,
       sum(CASE WHEN t.inNetwork THEN r.referrals ELSE 0 END) AS kept,
       sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
ORDER BY month, serviceLine
