// Whether an earlier load of the demo region was cut short (its marker is not complete).
// No parameters.
MATCH (d:DemoRegion) WHERE NOT coalesce(d.complete, false) RETURN count(d) > 0 AS any
