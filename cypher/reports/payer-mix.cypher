// @title Payer mix
// @description Referrals received per health system (its facilities and physicians; "Independent" for the
// @description rest) or per facility, split by the payer of the receiving encounter. Shares are of the
// @description referrals whose payer is known.
// @category Market
// @view bar
// @param from: date = latest-12m
// @param to: date = latest
// @param by: enum(healthSystem|facility) = healthSystem
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE r.periodStart >= $from AND r.periodStart < $to AND ($by = 'healthSystem' OR t:Facility)
WITH t, sum(r.referrals) AS referrals, sum(r.commercial) AS commercial, sum(r.medicare) AS medicare,
     sum(r.medicaid) AS medicaid, sum(r.selfPay) AS selfPay
WITH CASE $by WHEN 'facility' THEN t.id
              ELSE coalesce(head([(t)-[:PART_OF|EMPLOYED_BY]->(h:HealthSystem) | h.id]
                                 + [(t)-[:PRACTICES_AT]->(:Practice)-[:PART_OF]->(h:HealthSystem) | h.id]), 'independent') END AS id,
     CASE $by WHEN 'facility' THEN t.name
              ELSE coalesce(head([(t)-[:PART_OF|EMPLOYED_BY]->(h:HealthSystem) | h.name]
                                 + [(t)-[:PRACTICES_AT]->(:Practice)-[:PART_OF]->(h:HealthSystem) | h.name]), 'Independent') END AS name,
     referrals, commercial, medicare, medicaid, selfPay
WITH id, name, sum(referrals) AS referrals, sum(commercial) AS commercial, sum(medicare) AS medicare,
     sum(medicaid) AS medicaid, sum(selfPay) AS selfPay
WITH id, name, referrals, commercial, medicare, medicaid, selfPay, commercial + medicare + medicaid + selfPay AS known
RETURN id, name, referrals, commercial, medicare, medicaid, selfPay,
       CASE known WHEN 0 THEN null ELSE round(toFloat(commercial) / known, 4) END AS commercialShare,
       CASE known WHEN 0 THEN null ELSE round(toFloat(medicare) / known, 4) END AS medicareShare,
       CASE known WHEN 0 THEN null ELSE round(toFloat(medicaid) / known, 4) END AS medicaidShare,
       CASE known WHEN 0 THEN null ELSE round(toFloat(selfPay) / known, 4) END AS selfPayShare
ORDER BY referrals DESC, id
