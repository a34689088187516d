// The positions of the practices in each of some territories, for drawing their shapes.
// $ids: territory ids
MATCH (t:Territory) WHERE t.id IN $ids
CALL (t) {
  MATCH (x:Practice) WHERE x.zip IN t.zips AND x.lat IS NOT NULL
  RETURN collect([x.lat, x.lon]) AS points
}
RETURN t.id AS id, points
