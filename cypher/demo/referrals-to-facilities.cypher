// Writes a batch of the demo region's monthly referrals from physicians to facilities.
// $rows: maps of sourceId, targetId, periodStart, serviceLine, referrals, patients, commercial, medicare,
// medicaid, selfPay
UNWIND $rows AS r
MATCH (a:Physician {id: r.sourceId})
MATCH (b:Facility {id: r.targetId})
CREATE (a)-[:REFERRED {periodStart: r.periodStart, periodEnd: r.periodStart + duration({months: 1}),
                       serviceLine: r.serviceLine, referrals: r.referrals, patients: r.patients,
                       commercial: r.commercial, medicare: r.medicare, medicaid: r.medicaid,
                       selfPay: r.selfPay, source: 'demo'}]->(b)
