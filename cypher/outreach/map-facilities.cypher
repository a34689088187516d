// The facilities in some territories or referred to by their physicians since a day.
// $ids: territory ids; $from: date (inclusive); $to: unused
MATCH (t:Territory) WHERE t.id IN $ids
UNWIND t.zips AS zip
WITH collect(DISTINCT zip) AS zips
MATCH (f:Facility) WHERE f.zip IN zips OR EXISTS {
  MATCH (f)<-[r:REFERRED]-(p:Physician) WHERE p.zip IN zips AND r.periodStart >= $from
}
RETURN f.id AS id, f.name AS name, f.lat AS lat, f.lon AS lon, f.zip AS zip, f.city AS city,
       f.type AS type, f.network AS network
ORDER BY f.id
