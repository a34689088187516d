// @title Facility inflow
// @description Who sends patients to one facility: referrals from each physician, by service line and month.
// @description Use it to see which physicians a facility relies on and whose referrals are growing or fading.
// @category Facilities
// @view table
// @param facility: string
// @choices facility: MATCH (f:Facility) RETURN f.id AS value, f.name AS label ORDER BY f.name
// @param from: date = latest-12m
// @param to: date = latest
// @column month: Month | date
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column network: Network | network
// @column serviceLine: Service line | text
// @column referrals: Referrals | count
//
// Referrals to the chosen facility whose periodStart lies in [from, to), per referring physician, service
// line and month (written YYYY-MM).
MATCH (p:Physician)-[r:REFERRED]->(f:Facility {id: $facility})
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH p, r.serviceLine AS serviceLine, substring(toString(r.periodStart), 0, 7) AS month, sum(r.referrals) AS referrals
RETURN month, p.id AS physicianId, p.name AS physician, p.specialty AS specialty, p.network AS network,
       serviceLine, referrals
ORDER BY month, referrals DESC, physicianId
