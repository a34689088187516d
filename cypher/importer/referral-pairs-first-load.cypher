// The first load of a period of referral pairs: no referral of the period exists, so each row creates its
// REFERRED without looking for one (the loader refuses repeated pairs itself). Both ends are found by the node
// ids the batch's provider statement returned (a physician or a practice); a null property is left out.
// $rows: [{a, b, values, line}], $periodStart, $periodEnd, $unassigned, $source, $importId
UNWIND $rows AS r
MATCH (a) WHERE id(a) = r.a
MATCH (b) WHERE id(b) = r.b
CREATE (a)-[:REFERRED {periodStart: $periodStart, periodEnd: $periodEnd,
                       serviceLine: coalesce(b.serviceLine, $unassigned),
                       referrals: r.values.referrals, patients: r.values.patients,
                       averageDayWait: r.values.averageDayWait, stdDayWait: r.values.stdDayWait,
                       sameDayVisits: r.values.sameDayVisits, windowDays: r.values.windowDays,
                       source: $source, importId: $importId}]->(b)
