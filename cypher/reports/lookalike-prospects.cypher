// @title Look-alike prospects
// @description Out-of-network physicians whose referral destinations resemble those of in-network
// @description loyalists (GDS node similarity, Jaccard over the physicians and facilities each one refers
// @description to). A loyalist keeps at least loyalistShare of at least minReferrals referrals.
// @category Influence
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param loyalistShare: float = 0.7
// @param minReferrals: int = 10
// @param minSimilarity: float = 0.2
// @param limit: int = 100
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH DISTINCT p, t
WITH gds.graph.project($graphName, p, t) AS projection
CALL gds.nodeSimilarity.stream($graphName, {topK: 10, similarityCutoff: $minSimilarity})
YIELD node1, node2, similarity
MATCH (prospect:Physician) WHERE id(prospect) = node1
MATCH (loyalist:Physician) WHERE id(loyalist) = node2
WITH prospect, loyalist, similarity
WHERE prospect.network = 'OUT' AND loyalist.network = 'IN'
CALL {
  WITH loyalist
  MATCH (loyalist)-[r:REFERRED]->(t)
  WHERE r.periodStart >= $from AND r.periodStart < $to
  RETURN sum(r.referrals) AS sent,
         sum(CASE WHEN t.inNetwork THEN r.referrals ELSE 0 END) AS kept
}
WITH prospect, loyalist, similarity, sent, kept
WHERE sent >= $minReferrals AND toFloat(kept) / sent >= $loyalistShare
WITH prospect, similarity, loyalist
ORDER BY similarity DESC, loyalist.id
WITH prospect, count(loyalist) AS similarLoyalists, max(similarity) AS bestSimilarity,
     collect(loyalist.name)[0..3] AS resembles
RETURN prospect.id AS physicianId, prospect.name AS physician, prospect.specialty AS specialty,
       prospect.city AS city, similarLoyalists, round(bestSimilarity, 4) AS similarity, resembles
ORDER BY similarity DESC, similarLoyalists DESC, physicianId
LIMIT $limit
