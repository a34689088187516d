// Removes a territory.
// $id: territory id
MATCH (t:Territory {id: $id}) DETACH DELETE t
