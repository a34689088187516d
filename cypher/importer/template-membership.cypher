// Health-system membership template: practices and facilities PART_OF, physicians EMPLOYED_BY a health system
// (created when new). Returns the lines of rows naming a member the graph does not hold, with the reason.
// $rows: [{system, name, home, type, member, line}], $source
UNWIND $rows AS r
MERGE (h:HealthSystem {id: r.system})
  ON CREATE SET h.name = coalesce(r.name, r.system), h.home = false, h.source = $source
SET h.name = coalesce(r.name, h.name), h.home = coalesce(r.home, h.home)
WITH h, r
OPTIONAL MATCH (practice:Practice {id: r.member}) WHERE r.type = 'practice'
OPTIONAL MATCH (facility:Facility {id: r.member}) WHERE r.type = 'facility'
OPTIONAL MATCH (physician:Physician {npi: r.member}) WHERE r.type = 'physician'
WITH h, r, coalesce(practice, facility, physician) AS m
FOREACH (x IN CASE WHEN m IS NOT NULL AND r.type <> 'physician' THEN [m] ELSE [] END | MERGE (x)-[:PART_OF]->(h))
FOREACH (x IN CASE WHEN m IS NOT NULL AND r.type = 'physician' THEN [m] ELSE [] END | MERGE (x)-[:EMPLOYED_BY]->(h))
WITH r, m WHERE m IS NULL
RETURN r.line AS line, 'no ' + r.type + ' ' + r.member + ' in the graph: load it first' AS reason
