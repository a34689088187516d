// Full-text index behind the search boxes: people and places by name, NPI, specialty or city.
// Query it with: CALL db.index.fulltext.queryNodes('providerSearch', $query)

CREATE FULLTEXT INDEX providerSearch IF NOT EXISTS
FOR (n:Physician|Practice|Facility)
ON EACH [n.name, n.firstName, n.lastName, n.id, n.npi, n.specialty, n.city];
