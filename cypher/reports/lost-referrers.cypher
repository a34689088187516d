// @title Lost referrers
// @description Our physicians whose referrals into the network have dropped sharply lately, comparing the
// @description most recent period with the one just before it. Only physicians who used to refer a fair
// @description number of patients are listed. Use it to catch cooling relationships early and call on them
// @description before they are lost.
// @category Loyalty
// @view table
// @param to: date = latest
// @param months: int = 3
// @param dropPct: float = 50
// @param minReferrals: int = 10
// @param includeAffiliated: boolean = true
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column network: Network | network
// @column keptBefore: Kept before | count
// @column keptRecently: Kept recently | count
// @column lost: Referrals lost | count
// @column dropPct: Drop (%) | number
//
// Compares kept referrals (target inNetwork) in [to − months, to) with [to − 2 × months, to − months), months
// default 3. Listed when keptBefore ≥ minReferrals (10) and keptRecently ≤ keptBefore × (1 − dropPct / 100),
// dropPct default 50. Sources: IN, plus AFFILIATED when includeAffiliated. The dropPct column is already on a
// 0–100 scale (one decimal), so it is a number, not a percent share.
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
