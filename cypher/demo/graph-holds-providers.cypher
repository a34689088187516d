// Whether the graph holds any physician, practice, facility or health system.
// No parameters.
MATCH (n) WHERE n:Physician OR n:Practice OR n:Facility OR n:HealthSystem
RETURN count(n) > 0 AS any
