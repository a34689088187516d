// Deletes the demo region's load marker.
// No parameters.
MATCH (d:DemoRegion) DELETE d
