// Physicians who left the network since a day, with where they practise now and the in-network referrers who
// sent to them in a window: referrals and revenue at risk per referrer, largest first.
// $since: date; $from (inclusive), $to (exclusive): the window; $revenuePerCase: map of service line to
// revenue; $defaultRevenuePerCase: float
MATCH (m:Physician) WHERE m.leftNetworkOn IS NOT NULL AND m.leftNetworkOn >= $since
CALL (m) {
  MATCH (s:Physician)-[r:REFERRED]->(m)
  WHERE s.inNetwork AND r.periodStart >= $from AND r.periodStart < $to
  WITH s, r.serviceLine AS line, sum(r.referrals) AS referrals
  WITH s, sum(referrals) AS referrals,
       sum(referrals * coalesce($revenuePerCase[line], $defaultRevenuePerCase)) AS revenue
  ORDER BY revenue DESC, s.id
  RETURN collect({id: s.id, name: s.name, zip: s.zip, referrals: referrals, revenue: revenue}) AS referrers
}
CALL (m) {
  OPTIONAL MATCH (m)-[:PRACTICES_AT]->(practice:Practice)
  OPTIONAL MATCH (practice)-[:PART_OF]->(system:HealthSystem)
  RETURN collect(DISTINCT practice.name) AS practices, collect(DISTINCT system.name) AS systems
}
WITH m, referrers, practices, systems WHERE size(referrers) > 0
RETURN m.id AS id, m.name AS name, m.zip AS zip, m.specialty AS specialty, m.previousNetwork AS previousNetwork,
       m.leftNetworkOn AS leftOn, practices, systems, referrers
ORDER BY id
