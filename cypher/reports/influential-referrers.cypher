// @title Influential referrers
// @description Physicians ranked by influence as referrers: PageRank over the physician referral network,
// @description weighted by referrals and projected in reverse (receiver to sender), so that a physician
// @description ranks high when they send to many physicians who themselves send a lot. Weighted
// @description out-degree (referrals sent to physicians) beside it. outOfNetworkOnly lists prospects.
// @category Influence
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param outOfNetworkOnly: boolean = false
// @param limit: int = 100
MATCH (sender:Physician)-[r:REFERRED]->(receiver:Physician)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH sender, receiver, sum(r.referrals) AS referrals
WITH gds.graph.project($graphName, receiver, sender, {relationshipProperties: {referrals: referrals}}) AS projection
CALL gds.pageRank.stream($graphName, {relationshipWeightProperty: 'referrals'})
YIELD nodeId, score
MATCH (p:Physician) WHERE id(p) = nodeId
WITH p, score
WHERE NOT $outOfNetworkOnly OR p.network = 'OUT'
WITH p, score
ORDER BY score DESC, p.id
LIMIT $limit
CALL {
  WITH p
  MATCH (p)-[r:REFERRED]->(:Physician)
  WHERE r.periodStart >= $from AND r.periodStart < $to
  RETURN sum(r.referrals) AS referralsSent
}
RETURN p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       round(score, 4) AS influence, referralsSent
ORDER BY influence DESC, physicianId
