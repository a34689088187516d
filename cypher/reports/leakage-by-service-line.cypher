// @title Leakage by service line
// @description Referrals sent by in-network physicians (and affiliated ones, unless switched off) per
// @description service line: how many stayed in network, how many leaked out, the leakage rate and the
// @description revenue at risk (leaked referrals × revenue per case of the service line).
// @category Leakage
// @view bar
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
//
// Reads the referral rollup (docs/graph-model.md, "Referral rollups"): per source network and service
// line, running totals over the periods, so the sum over [from, to) is one subtraction. The same figures
// straight from the relationships:
//   MATCH (p:Physician)-[r:REFERRED]->(t)
//   WHERE p.inNetwork AND r.periodStart >= $from AND r.periodStart < $to
//   RETURN r.serviceLine, sum(r.referrals),
//          sum(CASE WHEN t.inNetwork THEN r.referrals ELSE 0 END) AS kept,
//          sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
MATCH (a:ReferralRollup)
WITH a, size([x IN a.periods WHERE x < $from]) AS i, size([x IN a.periods WHERE x < $to]) AS j
WITH a, i, CASE WHEN j < i THEN i ELSE j END AS j
MATCH (s:LeakageTotals {generation: a.generation})
WHERE s.network = 'IN' OR ($includeAffiliated AND s.network = 'AFFILIATED')
WITH s.serviceLine AS serviceLine,
     sum(s.referrals[j] - s.referrals[i]) AS referrals,
     sum(s.kept[j] - s.kept[i]) AS kept,
     sum(s.leaked[j] - s.leaked[i]) AS leaked
WHERE referrals > 0
RETURN serviceLine, referrals, kept, leaked,
       round(toFloat(leaked) / referrals, 4) AS leakageRate,
       leaked * coalesce($revenuePerCase[serviceLine], $defaultRevenuePerCase) AS revenueAtRisk
ORDER BY leaked DESC, serviceLine
