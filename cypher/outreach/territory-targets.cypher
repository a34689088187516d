// The physicians of a territory with, per service line, their referrals and kept referrals in a window,
// their latest interaction and their practice (the first by name).
// $id: territory id; $from: date (inclusive); $to: date (exclusive); $serviceLine: string or null for all
MATCH (t:Territory {id: $id})
MATCH (p:Physician) WHERE p.zip IN t.zips
CALL (p) {
  OPTIONAL MATCH (p)-[r:REFERRED]->(x)
  WHERE r.periodStart >= $from AND r.periodStart < $to
    AND ($serviceLine IS NULL OR r.serviceLine = $serviceLine)
  WITH r.serviceLine AS line, sum(r.referrals) AS referrals,
       sum(CASE WHEN x.inNetwork THEN r.referrals ELSE 0 END) AS kept
  WHERE line IS NOT NULL
  RETURN collect({line: line, referrals: referrals, kept: kept}) AS lines
}
CALL (p) {
  OPTIONAL MATCH (p)<-[:WITH]-(i:Interaction)
  RETURN max(i.date) AS lastContact
}
CALL (p) {
  OPTIONAL MATCH (p)-[:PRACTICES_AT]->(practice:Practice)
  RETURN min(practice.name) AS practice
}
RETURN p.id AS id, p.name AS name, p.specialty AS specialty, p.city AS city, p.zip AS zip,
       p.network AS network, practice, lines, lastContact
