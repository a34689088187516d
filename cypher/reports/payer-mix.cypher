// @title Payer mix
// @description Which payers cover the patients each health system receives: referrals by commercial
// @description insurance, Medicare, Medicaid and self-pay, with each one's share of the referrals whose payer
// @description is known. Show it per health system (independent providers together) or per facility.
// @category Market
// @view bar
// @param from: date = latest-12m
// @param to: date = latest
// @param by: enum(healthSystem|facility) = healthSystem
// @column id: ID | text
// @column name: Health system or facility | text
// @column referrals: Referrals | count
// @column commercial: Commercial | count
// @column medicare: Medicare | count
// @column medicaid: Medicaid | count
// @column selfPay: Self-pay | count
// @column commercialShare: Commercial share | percent
// @column medicareShare: Medicare share | percent
// @column medicaidShare: Medicaid share | percent
// @column selfPayShare: Self-pay share | percent
//
// by = healthSystem (default): a referral belongs to the target's PART_OF or EMPLOYED_BY health system, else
// the system of a practice it PRACTICES_AT, else 'Independent'. by = facility: per Facility target. Each
// share = payer count / (commercial + medicare + medicaid + selfPay), null when no payer is known.
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
