// @title Chain leakage paths
// @description Referrals that leave the network in two steps: an in-network (or affiliated) physician
// @description refers to an out-of-network physician, who sends patients on to an out-of-network
// @description facility. Both hops carry their volume; chainVolume is the smaller of the two.
// @category Leakage
// @view graph
// @param from: date = latest-12m
// @param to: date = latest
// @param includeAffiliated: boolean = true
// @param minReferrals: int = 5
// @param limit: int = 100
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
