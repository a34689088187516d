// @title Leakage by service line
// @description How many referrals our physicians send in each service line, how many stay in the network and
// @description how many go elsewhere, with the leakage rate and the revenue at risk. Use it to see which
// @description service lines lose the most patients and income; affiliated physicians count unless you switch
// @description them off.
// @category Leakage
// @view bar
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
// @column serviceLine: Service line | text
// @column referrals: Referrals | count
// @column kept: Kept in network | count
// @column leaked: Leaked | count
// @column leakageRate: Leakage rate | percent
// @column revenueAtRisk: Revenue at risk | currency
//
// Sources: IN physicians, plus AFFILIATED ones when includeAffiliated (default true). Kept: the target is IN
// or AFFILIATED; leaked: the target is OUT. leakageRate = leaked / referrals (0–1); revenueAtRisk = leaked ×
// $revenuePerCase[serviceLine], else $defaultRevenuePerCase (liaison.reports.revenue-per-case).
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
