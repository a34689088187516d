// The busiest in-network (and affiliated) referrers of the period: where a newcomer to the explorer might
// start. $from, $to (exclusive), $limit.
MATCH (n:Physician)-[r:REFERRED]->()
WHERE n.inNetwork AND r.periodStart >= $from AND r.periodStart < $to
WITH n, sum(r.referrals) AS volume
ORDER BY volume DESC LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, n.name AS name,
       CASE WHEN n:Physician THEN n.specialty WHEN n:Facility THEN n.type ELSE 'Practice' END AS detail,
       n.city AS city, n.network AS network,
       head([(n)-[:EMPLOYED_BY|PRACTICES_AT|PART_OF*1..2]->(h:HealthSystem) | h.name]) AS healthSystem, volume
