// The planted move (docs/demo-data.md, pattern 5): the in-network specialist, outside primary care,
// orthopedics and cardiology, with the most in-network referrers in a window leaves for the competitor's
// practice with the most physicians of the same specialty (the first by name when none has one): their
// employment and in-network affiliations end, and they practise, are employed and hold privileges at the
// competitor's. Network membership is recomputed afterwards, which records the move.
// $from (inclusive), $to (exclusive): the window; $exclude: ids of the other planted physicians;
// $competitor: the competitor's health system id
MATCH (m:Physician {network: 'IN'})
WHERE NOT m.id IN $exclude AND m.serviceLine IS NOT NULL
  AND NOT m.serviceLine IN ['Primary Care', 'Orthopedics', 'Cardiology']
CALL (m) {
  MATCH (s:Physician)-[r:REFERRED]->(m)
  WHERE s.inNetwork AND r.periodStart >= $from AND r.periodStart < $to
  RETURN count(DISTINCT s) AS referrers
}
WITH m, referrers ORDER BY referrers DESC, m.id LIMIT 1
MATCH (system:HealthSystem {id: $competitor})
CALL (m, system) {
  MATCH (practice:Practice)-[:PART_OF]->(system)
  OPTIONAL MATCH (peer:Physician {specialty: m.specialty})-[:PRACTICES_AT]->(practice)
  WITH practice, count(peer) AS peers
  ORDER BY peers DESC, practice.name
  LIMIT 1
  RETURN practice
}
CALL (m, system) {
  MATCH (hospital:Facility {type: 'HOSPITAL'})-[:PART_OF]->(system)
  WITH hospital ORDER BY hospital.beds DESC, hospital.id LIMIT 1
  RETURN hospital
}
CALL (m) {
  OPTIONAL MATCH (m)-[old:PRACTICES_AT|EMPLOYED_BY]->()
  DELETE old
}
CALL (m) {
  OPTIONAL MATCH (m)-[old:AFFILIATED_WITH]->(:Facility {network: 'IN'})
  DELETE old
}
MERGE (m)-[:PRACTICES_AT]->(practice)
MERGE (m)-[:EMPLOYED_BY]->(system)
MERGE (m)-[:AFFILIATED_WITH]->(hospital)
SET m.address = practice.address, m.city = practice.city, m.zip = practice.zip, m.lat = practice.lat,
    m.lon = practice.lon
RETURN m.id AS id, m.name AS name, m.specialty AS specialty, practice.name AS practice, referrers
