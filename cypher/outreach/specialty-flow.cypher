// How referrals flow per specialty in a window: physicians of the specialty who referred, their referrals and
// how many of them stayed in network.
// $from (inclusive), $to (exclusive): dates
MATCH (p:Physician)-[r:REFERRED]->(x)
WHERE r.periodStart >= $from AND r.periodStart < $to AND p.specialty IS NOT NULL
WITH p.specialty AS specialty, p, sum(r.referrals) AS referrals,
     sum(CASE WHEN x.inNetwork THEN r.referrals ELSE 0 END) AS kept
RETURN specialty, count(p) AS physicians, sum(referrals) AS referrals, sum(kept) AS kept
ORDER BY specialty
