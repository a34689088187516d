// The bare CREATE floor: a batch of referrals between nodes found by id, unchecked.
// $rows: [{a, b, patients, referrals, wait, std}], $period, $end
UNWIND $rows AS r
MATCH (a) WHERE id(a) = r.a
MATCH (b) WHERE id(b) = r.b
CREATE (a)-[:REFERRED {periodStart: $period, periodEnd: $end, serviceLine: 'Other',
                       referrals: r.referrals, patients: r.patients,
                       averageDayWait: r.wait, stdDayWait: r.std}]->(b)
