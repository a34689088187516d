// The territory with an id, when there is one.
// $id: territory id
MATCH (t:Territory {id: $id}) RETURN t
