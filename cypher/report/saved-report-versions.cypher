// A saved report's earlier versions, newest first. $id.
MATCH (:SavedReport {id: $id})-[:PREVIOUS_VERSION]->(v:SavedReportVersion)
RETURN v ORDER BY v.version DESC
