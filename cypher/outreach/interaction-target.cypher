// The physician or practice an interaction is to be logged with, when there is one.
// $id: physician or practice id
MATCH (x {id: $id}) WHERE x:Physician OR x:Practice RETURN x LIMIT 1
