// @title Look-alike prospects
// @description Outside physicians who send patients to the same places as our loyal physicians do: prospects
// @description whose referral habits look like a loyalist's and who may respond to the same approach. Each
// @description shows how many loyalists they resemble, how close the best match is and whom they resemble
// @description most.
// @category Influence
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param loyalistShare: float = 0.7
// @param minReferrals: int = 10
// @param minSimilarity: float = 0.2
// @param limit: int = 100
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column city: City | text
// @column similarLoyalists: Similar loyalists | count
// @column similarity: Best similarity | number
// @column resembles: Resembles | text
//
// GDS node similarity (Jaccard over the physicians and facilities each one refers to in [from, to)), top 10
// per physician, cut off below minSimilarity (0.2). Prospects are OUT physicians; loyalists are IN physicians
// who sent at least minReferrals (10) referrals with a kept share ≥ loyalistShare (0.7). similarity is the
// best match (0–1, not a share of referrals); resembles names the three most similar loyalists.
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
