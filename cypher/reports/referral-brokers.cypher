// @title Referral brokers
// @description Physicians who connect otherwise separate circles of referrers: the shortest referral routes
// @description between many other physicians run through them, busy referral ties counting as short. Winning
// @description over a broker can open the door to a whole group of physicians.
// @category Influence
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param exactUpTo: int = 5000
// @param sampleSize: int = 1000
// @param limit: int = 100
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column network: Network | network
// @column betweenness: Broker score | number
//
// GDS betweenness centrality over physician-to-physician REFERRED in [from, to), with cost 1 / referrals (a
// busier tie is a shorter step). Exact up to exactUpTo (5,000) physicians in the projection; above that
// estimated from sampleSize (1,000) source physicians with a fixed seed (42). Only scores above zero are
// listed, at most limit rows.
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
