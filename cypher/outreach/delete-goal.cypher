// Removes a goal.
// $id: goal id
MATCH (g:Goal {id: $id}) DETACH DELETE g
