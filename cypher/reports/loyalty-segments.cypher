// @title Loyalty segments
// @description Each physician's kept share per service line, and the segment it puts them in: LOYALIST
// @description (kept share at least loyalistShare), OPPORTUNITY (below opportunityShare) or SPLITTER.
// @description Only physician and service-line pairs with at least minReferrals referrals are shown.
// @category Loyalty
// @view table
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
// @param includeOutOfNetwork: boolean = false
// @param serviceLine: string
// @choices serviceLine: MATCH (p:Physician) WHERE p.serviceLine IS NOT NULL RETURN DISTINCT p.serviceLine ORDER BY p.serviceLine
// @param minReferrals: int = 10
// @param loyalistShare: float = 0.7
// @param opportunityShare: float = 0.3
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE (p.network = 'IN' OR ($includeAffiliated AND p.network = 'AFFILIATED')
       OR ($includeOutOfNetwork AND p.network = 'OUT'))
  AND r.periodStart >= $from AND r.periodStart < $to
  AND ($serviceLine IS NULL OR r.serviceLine = $serviceLine)
WITH p, r.serviceLine AS serviceLine, sum(r.referrals) AS referrals,
     sum(CASE WHEN t.inNetwork THEN r.referrals ELSE 0 END) AS kept
WHERE referrals >= $minReferrals
WITH p, serviceLine, referrals, kept, toFloat(kept) / referrals AS keptShare
RETURN p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       serviceLine, referrals, kept, round(keptShare, 4) AS keptShare,
       CASE WHEN keptShare >= $loyalistShare THEN 'LOYALIST'
            WHEN keptShare < $opportunityShare THEN 'OPPORTUNITY'
            ELSE 'SPLITTER' END AS segment
ORDER BY referrals DESC, physicianId, serviceLine
