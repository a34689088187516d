// A plan's stops in route order, with the place visited (a practice's address for a physician without one).
// $id: plan id
MATCH (:VisitPlan {id: $id})-[s:STOP]->(x)
OPTIONAL MATCH (x)-[:PRACTICES_AT]->(practice:Practice)
WITH s, x, head(collect(practice)) AS practice
RETURN s, x.id AS id, x.name AS name, CASE WHEN x:Practice THEN 'Practice' ELSE 'Physician' END AS kind,
       x.specialty AS specialty, coalesce(x.address, practice.address) AS address,
       coalesce(x.city, practice.city) AS city, x.zip AS zip, x.lat AS lat, x.lon AS lon
ORDER BY s.order
