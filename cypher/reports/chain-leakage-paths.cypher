// @title Chain leakage paths
// @description Where patients leave the network in two steps: one of our physicians refers to an outside
// @description physician, who sends patients on to an outside facility. Each chain shows the referrals along
// @description both steps and the smaller of the two as its volume. Use it to find the outside physicians who
// @description steer our patients to competitors.
// @category Leakage
// @view graph
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
// @param minReferrals: int = 5
// @param limit: int = 100
// @column source: Referring physician
// @column intermediary: Outside physician
// @column facility: Outside facility
// @column firstHop: Referrals to physician | count
// @column secondHop: Referrals to facility | count
// @column chainVolume: Chain volume | count
//
// Sources: IN physicians, plus AFFILIATED ones when includeAffiliated. First hop: source → OUT physician;
// second hop: that physician → OUT facility; both summed over [from, to) and each at least minReferrals
// (default 5). chainVolume = the smaller of firstHop and secondHop. Rows hold the three nodes, so the graph
// view draws each chain.
MATCH (source:Physician)-[r1:REFERRED]->(intermediary:Physician {network: 'OUT'})
WHERE (source.network = 'IN' OR ($includeAffiliated AND source.network = 'AFFILIATED'))
  AND r1.periodStart >= $from AND r1.periodStart < $to
WITH source, intermediary, sum(r1.referrals) AS firstHop
WHERE firstHop >= $minReferrals
MATCH (intermediary)-[r2:REFERRED]->(facility:Facility {network: 'OUT'})
WHERE r2.periodStart >= $from AND r2.periodStart < $to
WITH source, intermediary, firstHop, facility, sum(r2.referrals) AS secondHop
WHERE secondHop >= $minReferrals
RETURN source, intermediary, facility, firstHop, secondHop,
       CASE WHEN firstHop < secondHop THEN firstHop ELSE secondHop END AS chainVolume
ORDER BY chainVolume DESC, source.id, intermediary.id, facility.id
LIMIT $limit
