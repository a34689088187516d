// @title Lost referrers
// @description Physicians whose kept referrals in the last `months` months before `to` fell by at least
// @description dropPct percent against the `months` months before those. Only physicians with at least
// @description minReferrals kept referrals in the earlier window are considered.
// @category Loyalty
// @view table
// @param to: date = latest
// @param months: int = 3
// @param dropPct: float = 50
// @param minReferrals: int = 10
// @param includeAffiliated: boolean = true
WITH $to AS end, $to - duration({months: $months}) AS middle, $to - duration({months: 2 * $months}) AS start
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE (p.network = 'IN' OR ($includeAffiliated AND p.network = 'AFFILIATED'))
  AND t.inNetwork
  AND r.periodStart >= start AND r.periodStart < end
WITH p, middle,
     sum(CASE WHEN r.periodStart < middle THEN r.referrals ELSE 0 END) AS before,
     sum(CASE WHEN r.periodStart >= middle THEN r.referrals ELSE 0 END) AS recent
WHERE before >= $minReferrals AND recent <= before * (1 - $dropPct / 100.0)
RETURN p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       before AS keptBefore, recent AS keptRecently, before - recent AS lost,
       round(100.0 * (before - recent) / before, 1) AS dropPct
ORDER BY lost DESC, physicianId
