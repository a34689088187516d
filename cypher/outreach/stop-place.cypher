// The name, position and ZIP code of a physician or practice to visit.
// $id: physician or practice id
MATCH (x {id: $id}) WHERE x:Physician OR x:Practice
RETURN x.name AS name, x.lat AS lat, x.lon AS lon, x.zip AS zip LIMIT 1
