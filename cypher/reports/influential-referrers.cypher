// @title Influential referrers
// @description Physicians ranked by how much their referrals spread through the network: a physician ranks
// @description high when they refer to many physicians who themselves refer a lot. Beside the score, how many
// @description referrals they sent to other physicians. Show outside physicians only to find influential
// @description prospects.
// @category Influence
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param outOfNetworkOnly: boolean = false
// @param limit: int = 100
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column network: Network | network
// @column influence: Influence | number
// @column referralsSent: Referrals to physicians | count
//
// GDS PageRank over physician-to-physician REFERRED in [from, to), weighted by referrals and projected in
// reverse (receiver → sender), so that it ranks senders; influence is the score to four decimals.
// referralsSent is the weighted out-degree: referrals sent to physicians. outOfNetworkOnly keeps OUT
// physicians (prospects). At most limit rows.
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
