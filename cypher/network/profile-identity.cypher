// A provider's profile: the physician, practice or facility with the id $id (found through the unique-id
// indexes), its practices, affiliations, health system and, for a practice, how many physicians work there.
// No row when no provider has the id.
CALL () {
  MATCH (n:Physician {id: $id}) RETURN n
  UNION MATCH (n:Practice {id: $id}) RETURN n
  UNION MATCH (n:Facility {id: $id}) RETURN n
}
RETURN n, labels(n) AS labels,
       [(n)-[:PRACTICES_AT]->(p:Practice) | p.name] AS practices,
       [(n)-[:AFFILIATED_WITH]->(f:Facility) | f.name] AS affiliations,
       head([(n)-[:EMPLOYED_BY|PRACTICES_AT|PART_OF*1..2]->(h:HealthSystem) | h.name]) AS healthSystem,
       COUNT { (m:Physician)-[:PRACTICES_AT]->(n) } AS members
LIMIT 1
