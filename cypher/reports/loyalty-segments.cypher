// @title Loyalty segments
// @description How loyal each physician is in each service line: the share of their referrals that stays in
// @description the network, and the segment that follows from it — loyalist (most stay), opportunity (most go
// @description elsewhere) or splitter (in between). Physicians with only a few referrals in a service line
// @description are left out.
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
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column network: Network | network
// @column serviceLine: Service line | text
// @column referrals: Referrals | count
// @column kept: Kept in network | count
// @column keptShare: Kept share | percent
// @column segment: Segment | segment
//
// keptShare = kept / referrals per physician and service line over [from, to) (kept: target inNetwork).
// Segment LOYALIST when keptShare ≥ loyalistShare (0.7), OPPORTUNITY when < opportunityShare (0.3), otherwise
// SPLITTER. Pairs with fewer than minReferrals (10) referrals are left out. Sources: IN, plus AFFILIATED when
// includeAffiliated, plus OUT when includeOutOfNetwork; serviceLine limits to one line.
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
