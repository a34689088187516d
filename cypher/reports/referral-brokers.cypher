// @title Referral brokers
// @description Physicians who sit between others on the referral network: betweenness centrality over
// @description physician-to-physician referrals, where a busier referral tie counts as a shorter step
// @description (cost = 1 / referrals). Above exactUpTo physicians the score is estimated from a sample of
// @description sampleSize source physicians.
// @category Influence
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param exactUpTo: int = 5000
// @param sampleSize: int = 1000
// @param limit: int = 100
MATCH (a:Physician)-[r:REFERRED]->(b:Physician)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH a, b, sum(r.referrals) AS referrals
WITH gds.graph.project($graphName, a, b, {relationshipProperties: {cost: 1.0 / referrals}}) AS projection
CALL gds.betweenness.stream($graphName, {
  relationshipWeightProperty: 'cost',
  samplingSize: CASE WHEN projection.nodeCount > $exactUpTo THEN $sampleSize ELSE projection.nodeCount END,
  samplingSeed: 42
})
YIELD nodeId, score
MATCH (p:Physician) WHERE id(p) = nodeId
WITH p, score
WHERE score > 0
RETURN p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       round(score, 2) AS betweenness
ORDER BY betweenness DESC, physicianId
LIMIT $limit
