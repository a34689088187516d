// @title Top leaking physicians
// @description Our physicians who send the most referrals out of network, with their leakage rate, the
// @description revenue at risk and the outside physician or facility they send to most. Pick a service line
// @description to rank within it; the top of the list is where a visit can keep the most patients in network.
// @category Leakage
// @view table
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
// @param serviceLine: string
// @choices serviceLine: MATCH (p:Physician) WHERE p.serviceLine IS NOT NULL RETURN DISTINCT p.serviceLine ORDER BY p.serviceLine
// @param limit: int = 100
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column network: Network | network
// @column referrals: Referrals | count
// @column leaked: Leaked | count
// @column leakageRate: Leakage rate | percent
// @column revenueAtRisk: Revenue at risk | currency
// @column topDestination: Top destination | text
// @column topDestinationId: Top destination ID | text
// @column topDestinationReferrals: Referrals to top destination | count
//
// Sources: IN physicians, plus AFFILIATED ones when includeAffiliated; serviceLine (optional) limits the
// referrals to one line. Ranked by leaked referrals in [from, to), ties to the smaller id, at most limit
// rows. leakageRate = leaked / referrals (0–1); revenueAtRisk prices each leaked referral at $revenuePerCase
// of its service line (else $defaultRevenuePerCase). The top destination is the OUT physician or facility
// receiving most of the leaked referrals (ties to the smaller id).
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
