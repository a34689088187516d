// One import of the history, by its id.
// $id
MATCH (i:ImportRun {id: $id}) RETURN i
