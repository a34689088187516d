// The health check's details: server version and edition, APOC version and provider counts.
// No parameters.
CALL dbms.components() YIELD versions, edition
WITH versions[0] AS version, edition LIMIT 1
RETURN version, edition, apoc.version() AS apoc,
       COUNT { (:Physician) } AS physicians,
       COUNT { (:Practice) } AS practices,
       COUNT { (:Facility) } AS facilities
