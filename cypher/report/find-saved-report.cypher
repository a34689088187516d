// One saved report by id. $id.
MATCH (s:SavedReport {id: $id}) RETURN s
