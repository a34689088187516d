// Removes a saved report with all its versions. $id.
MATCH (s:SavedReport {id: $id})
OPTIONAL MATCH (s)-[:PREVIOUS_VERSION]->(v:SavedReportVersion)
DETACH DELETE s, v
