// The practices in some territories with their physicians' referrals and kept referrals in a window.
// $ids: territory ids; $from: date (inclusive); $to: date (exclusive)
MATCH (t:Territory) WHERE t.id IN $ids
UNWIND t.zips AS zip
WITH collect(DISTINCT zip) AS zips
MATCH (x:Practice) WHERE x.zip IN zips
CALL (x) {
  OPTIONAL MATCH (x)<-[:PRACTICES_AT]-(p:Physician)-[r:REFERRED]->(y)
  WHERE r.periodStart >= $from AND r.periodStart < $to
  RETURN sum(r.referrals) AS referrals,
         sum(CASE WHEN y.inNetwork THEN r.referrals ELSE 0 END) AS kept,
         count(DISTINCT p) AS physicians
}
RETURN x.id AS id, x.name AS name, x.lat AS lat, x.lon AS lon, x.zip AS zip, x.city AS city,
       x.network AS network, referrals, kept, physicians
ORDER BY x.id
