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
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE (p.network = 'IN' OR ($includeAffiliated AND p.network = 'AFFILIATED'))
  AND r.periodStart >= $from AND r.periodStart < $to
  AND ($serviceLine IS NULL OR r.serviceLine = $serviceLine)
WITH p, t, r.serviceLine AS line, sum(r.referrals) AS n
WITH p, t,
     sum(n) AS toTarget,
     sum(CASE WHEN t.network = 'OUT' THEN n ELSE 0 END) AS leakedToTarget,
     sum(CASE WHEN t.network = 'OUT' THEN n * coalesce($revenuePerCase[line], $defaultRevenuePerCase) ELSE 0 END) AS atRisk
WITH p, sum(toTarget) AS referrals, sum(leakedToTarget) AS leaked, sum(atRisk) AS revenueAtRisk,
     collect(CASE WHEN leakedToTarget > 0 THEN {id: t.id, name: t.name, referrals: leakedToTarget} END) AS destinations
WHERE leaked > 0
WITH p, referrals, leaked, revenueAtRisk,
     reduce(top = null, d IN destinations |
            CASE WHEN top IS NULL OR d.referrals > top.referrals OR (d.referrals = top.referrals AND d.id < top.id)
                 THEN d ELSE top END) AS top
RETURN p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       referrals, leaked, round(toFloat(leaked) / referrals, 4) AS leakageRate, revenueAtRisk,
       top.name AS topDestination, top.id AS topDestinationId, top.referrals AS topDestinationReferrals
ORDER BY leaked DESC, physicianId
LIMIT $limit
