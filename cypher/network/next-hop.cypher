// A further hop of the explorer: the busiest partners of each node found at the hop before, as in
// first-hop.cypher. $frontier (element ids to expand), $exclude (element ids already drawn); filters:
// $from, $to, $lines, $direction, $networks, $minReferrals, $limit.
UNWIND $frontier AS source
MATCH (s) WHERE elementId(s) = source
WITH s, source, $exclude AS exclude
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
RETURN source, partners
