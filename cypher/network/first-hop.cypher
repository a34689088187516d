// The explorer's focus (for a practice, also its physicians) and the first hop: the busiest partners of the
// practice's physicians, or of the focus itself, busiest first and one more than asked (to tell whether
// some were left out), as [element id, volume] pairs. No row when no provider has the id.
// $id; filters: $from, $to (exclusive), $lines (service lines, empty = all), $direction (IN, OUT, BOTH),
// $networks (partner networks, empty = all), $minReferrals, $limit (per node).
CALL () {
  MATCH (n:Physician {id: $id}) RETURN n
  UNION MATCH (n:Practice {id: $id}) RETURN n
  UNION MATCH (n:Facility {id: $id}) RETURN n
}
WITH n LIMIT 1
WITH n, CASE WHEN n:Practice THEN [(m:Physician)-[:PRACTICES_AT]->(n) | m] ELSE [] END AS members
WITH n, members, [x IN [n] + members | elementId(x)] AS exclude
UNWIND CASE WHEN size(members) = 0 THEN [n] ELSE members END AS s
// the filters on the partner come after summing, once per partner
CALL (s, exclude) {
  MATCH (s)-[r:REFERRED]-(o)
  WHERE r.periodStart >= $from AND r.periodStart < $to
    AND (size($lines) = 0 OR r.serviceLine IN $lines)
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = s))
  WITH o, sum(r.referrals) AS volume
  WHERE volume >= $minReferrals AND (size($networks) = 0 OR o.network IN $networks)
    AND NOT elementId(o) IN exclude
  WITH o, volume
  ORDER BY volume DESC, o.id
  LIMIT $limit
  RETURN collect([elementId(o), volume]) AS partners
}
RETURN elementId(n) AS focus, [m IN members | elementId(m)] AS members, elementId(s) AS source, partners
