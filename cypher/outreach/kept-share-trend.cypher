// Kept share (whole percent) by month and service line of the referrals sent by the physicians of some
// territories: columns month, serviceLine, keptPercent.
// $ids: territory ids, or null for all territories; $from: date (inclusive); $to: date (exclusive)
MATCH (t:Territory) WHERE $ids IS NULL OR t.id IN $ids
UNWIND t.zips AS zip
WITH collect(DISTINCT zip) AS zips
MATCH (p:Physician)-[r:REFERRED]->(x)
WHERE p.zip IN zips AND r.periodStart >= $from AND r.periodStart < $to
WITH r.periodStart AS month, r.serviceLine AS line, sum(r.referrals) AS referrals,
     sum(CASE WHEN x.inNetwork THEN r.referrals ELSE 0 END) AS kept
WITH month, line, toInteger(round(100.0 * kept / referrals)) AS percent
ORDER BY month, line
RETURN substring(toString(month), 0, 7) AS month, line, percent
