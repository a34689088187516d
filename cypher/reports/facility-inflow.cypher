// @title Facility inflow
// @description Who refers to one facility: referrals per referring physician, service line and month.
// @category Facilities
// @view table
// @param facility: string
// @choices facility: MATCH (f:Facility) RETURN f.id AS value, f.name AS label ORDER BY f.name
// @param from: date = latest-12m
// @param to: date = latest
MATCH (p:Physician)-[r:REFERRED]->(f:Facility {id: $facility})
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH p, r.serviceLine AS serviceLine, substring(toString(r.periodStart), 0, 7) AS month, sum(r.referrals) AS referrals
RETURN month, p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       serviceLine, referrals
ORDER BY month, referrals DESC, physicianId
