// @title Untouched targets
// @description Physicians well worth winning over whom nobody has contacted lately, per territory and ranked
// @description by opportunity score: how much revenue they send elsewhere, how influential they are, how
// @description loyal they are and how long since the last contact. A liaison sees only the territories they
// @description cover.
// @category Outreach
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param days: int = 90
// @param territory: string
// @choices territory: MATCH (t:Territory) WHERE $teamView OR EXISTS { (:User {username: $viewer})-[:COVERS]->(t) } RETURN t.id, t.name ORDER BY t.name
// @param minScore: float = 40
// @param leakageWeight: float = 0.40
// @param influenceWeight: float = 0.25
// @param segmentWeight: float = 0.20
// @param recencyWeight: float = 0.15
// @param recencyDays: int = 90
// @param minReferrals: int = 10
// @param limit: int = 200
// @column territory: Territory | text
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column city: City | text
// @column score: Opportunity score | number
// @column referrals: Referrals | count
// @column leaked: Leaked | count
// @column leakedRevenue: Leaked revenue | currency
// @column segment: Segment | segment
// @column influence: Influence percentile | percent
// @column lastContact: Last contact | date
// @column daysSinceContact: Days since contact | count
//
// Listed: physicians with score ≥ minScore (40) and at least days (90) days since their last interaction (or
// none ever). The score is the target list's (docs/outreach.md, "Opportunity score"): 100 × the weighted mean
// of leaked revenue relative to the territory's largest (leakageWeight), influence percentile from reversed
// PageRank (influenceWeight), loyalty segment (segmentWeight: OPPORTUNITY 1, SPLITTER 0.6, LOYALIST 0.1, NONE
// 0) and days since the last contact (recencyWeight: days / recencyDays, 1 from recencyDays on or when never
// contacted). The weights default to the liaison.outreach.score settings' defaults. Segment: NONE under
// minReferrals (10) referrals, else LOYALIST at a kept share ≥ 0.7, OPPORTUNITY < 0.3, otherwise SPLITTER.
// Days since contact count to today. A liaison ($teamView false) sees only the territories they cover.
//
// Influence percentile: the share of ranked physicians with a strictly lower PageRank (scores equal to
// nine decimals tie), as the target list computes it.
MATCH (sender:Physician)-[r:REFERRED]->(receiver:Physician)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH sender, receiver, sum(r.referrals) AS referrals
WITH gds.graph.project($graphName, receiver, sender, {relationshipProperties: {referrals: referrals}}) AS projection
CALL gds.pageRank.stream($graphName, {relationshipWeightProperty: 'referrals'})
YIELD nodeId, score
WITH round(score, 9) AS score, collect(nodeId) AS tied
ORDER BY score
WITH collect(tied) AS groups
WITH groups, reduce(n = 0, g IN groups | n + size(g)) AS ranked,
     [0] + apoc.coll.runningTotal([g IN groups | size(g)]) AS starts
UNWIND range(0, size(groups) - 1) AS k
UNWIND groups[k] AS nodeId
WITH gds.util.asNode(nodeId).id AS id,
     CASE WHEN ranked <= 1 THEN 1.0 ELSE toFloat(starts[k]) / (ranked - 1) END AS influence
WITH collect([id, influence]) AS pairs
WITH apoc.map.fromPairs(pairs) AS influenceById
MATCH (t:Territory)
WHERE ($territory IS NULL OR t.id = $territory)
  AND ($teamView OR EXISTS { (:User {username: $viewer})-[:COVERS]->(t) })
MATCH (p:Physician) WHERE p.zip IN t.zips
CALL (p) {
  OPTIONAL MATCH (p)-[r:REFERRED]->(x)
  WHERE r.periodStart >= $from AND r.periodStart < $to
  WITH r.serviceLine AS line, sum(r.referrals) AS referrals,
       sum(CASE WHEN x.inNetwork THEN r.referrals ELSE 0 END) AS kept
  RETURN sum(referrals) AS referrals, sum(kept) AS kept,
         sum((referrals - kept) * coalesce($revenuePerCase[line], $defaultRevenuePerCase)) AS leakedRevenue
}
CALL (p) {
  OPTIONAL MATCH (p)<-[:WITH]-(i:Interaction)
  RETURN max(i.date) AS lastContact
}
WITH t, p, referrals, kept, leakedRevenue, lastContact, coalesce(influenceById[p.id], 0.0) AS influence
WITH t, collect({p: p, referrals: referrals, kept: kept, leakedRevenue: leakedRevenue, lastContact: lastContact,
                 influence: influence}) AS rows, max(leakedRevenue) AS maxLeaked
UNWIND rows AS row
WITH t, row, maxLeaked, row.p AS p,
     CASE WHEN row.lastContact IS NULL THEN null ELSE duration.inDays(row.lastContact, date()).days END AS days
WHERE days IS NULL OR days >= $days
WITH t, row, p, days,
     CASE WHEN maxLeaked > 0 THEN row.leakedRevenue / maxLeaked ELSE 0.0 END AS l,
     CASE WHEN row.referrals = 0 OR row.referrals < $minReferrals THEN 'NONE'
          WHEN toFloat(row.kept) / row.referrals >= 0.7 THEN 'LOYALIST'
          WHEN toFloat(row.kept) / row.referrals < 0.3 THEN 'OPPORTUNITY'
          ELSE 'SPLITTER' END AS segment
WITH t, row, p, days, segment,
     100 * ($leakageWeight * l + $influenceWeight * row.influence
            + $segmentWeight * {OPPORTUNITY: 1.0, SPLITTER: 0.6, LOYALIST: 0.1, NONE: 0.0}[segment]
            + $recencyWeight * CASE WHEN days IS NULL OR days >= $recencyDays THEN 1.0 ELSE toFloat(days) / $recencyDays END)
       / ($leakageWeight + $influenceWeight + $segmentWeight + $recencyWeight) AS score
WHERE score >= $minScore
RETURN t.name AS territory, p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.city AS city,
       round(score, 1) AS score, row.referrals AS referrals, row.referrals - row.kept AS leaked,
       round(row.leakedRevenue) AS leakedRevenue, segment, round(row.influence, 3) AS influence,
       row.lastContact AS lastContact, days AS daysSinceContact
ORDER BY score DESC, physicianId
LIMIT $limit
