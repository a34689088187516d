// @title Top leaking physicians
// @description In-network (and affiliated) physicians ranked by referrals they sent out of network, with
// @description their leakage rate, the revenue at risk and the out-of-network destination they use most.
// @category Leakage
// @view table
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
// @param serviceLine: string
// @choices serviceLine: MATCH (p:Physician) WHERE p.serviceLine IS NOT NULL RETURN DISTINCT p.serviceLine ORDER BY p.serviceLine
// @param limit: int = 100
//
// Ranks senders on the referral rollup (docs/graph-model.md, "Referral rollups"): one row per sender and
// service line (or '*' for all lines) with running totals over the periods. Only the senders that make the
// list are then read relationship by relationship, for revenue at risk and their top destination.
MATCH (a:ReferralRollup)
WITH a, size([x IN a.periods WHERE x < $from]) AS i, size([x IN a.periods WHERE x < $to]) AS j
WITH a, i, CASE WHEN j < i THEN i ELSE j END AS j
MATCH (s:SenderTotals {generation: a.generation, serviceLine: coalesce($serviceLine, '*')})
WHERE s.network = 'IN' OR ($includeAffiliated AND s.network = 'AFFILIATED')
WITH s, s.leaked[j] - s.leaked[i] AS leaked, i, j
WHERE leaked > 0
ORDER BY leaked DESC, s.physicianId
LIMIT $limit
MATCH (p:Physician {id: s.physicianId})
CALL (p) {
  MATCH (p)-[r:REFERRED]->(t {network: 'OUT'})
  WHERE r.periodStart >= $from AND r.periodStart < $to
    AND ($serviceLine IS NULL OR r.serviceLine = $serviceLine)
  WITH t, r.serviceLine AS line, sum(r.referrals) AS n
  WITH t, sum(n) AS toTarget, sum(n * coalesce($revenuePerCase[line], $defaultRevenuePerCase)) AS atRisk
  ORDER BY toTarget DESC, t.id
  RETURN sum(atRisk) AS revenueAtRisk, head(collect({id: t.id, name: t.name, referrals: toTarget})) AS top
}
WITH p, s.referrals[j] - s.referrals[i] AS referrals, leaked, revenueAtRisk, top
RETURN p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       referrals, leaked, round(toFloat(leaked) / referrals, 4) AS leakageRate, revenueAtRisk,
       top.name AS topDestination, top.id AS topDestinationId, top.referrals AS topDestinationReferrals
ORDER BY leaked DESC, physicianId
