// A row when a saved report has this id. $id.
MATCH (s:SavedReport {id: $id}) RETURN s.id
