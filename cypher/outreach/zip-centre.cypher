// The mean position of the practices and physicians with coordinates in a ZIP code, and how many there are.
// $zip: ZIP code
CALL () {
  MATCH (x:Practice {zip: $zip}) WHERE x.lat IS NOT NULL RETURN x
  UNION
  MATCH (x:Physician {zip: $zip}) WHERE x.lat IS NOT NULL RETURN x
}
RETURN avg(x.lat) AS lat, avg(x.lon) AS lon, count(x) AS n
