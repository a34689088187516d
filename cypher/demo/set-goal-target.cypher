// Sets a goal's target.
// $id: goal id; $target: number
MATCH (g:Goal {id: $id}) SET g.target = $target
