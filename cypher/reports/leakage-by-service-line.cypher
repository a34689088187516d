// @title Leakage by service line
// @description Referrals sent by in-network physicians (and affiliated ones, unless switched off) per
// @description service line: how many stayed in network, how many leaked out, the leakage rate and the
// @description revenue at risk (leaked referrals × revenue per case of the service line).
// @category Leakage
// @view bar
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE (p.network = 'IN' OR ($includeAffiliated AND p.network = 'AFFILIATED'))
  AND r.periodStart >= $from AND r.periodStart < $to
WITH r.serviceLine AS serviceLine,
     sum(r.referrals) AS referrals,
     sum(CASE WHEN t.network IN ['IN', 'AFFILIATED'] THEN r.referrals ELSE 0 END) AS kept,
     sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
RETURN serviceLine, referrals, kept, leaked,
       round(toFloat(leaked) / referrals, 4) AS leakageRate,
       leaked * coalesce($revenuePerCase[serviceLine], $defaultRevenuePerCase) AS revenueAtRisk
ORDER BY leaked DESC, serviceLine
