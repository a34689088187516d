// Synthea organizations: hospitals as facilities, the rest as practices, merged on their id.
// $rows: [{id, facility, props}], $source, $importId
UNWIND $rows AS r
CALL (r) {
  WITH r WHERE r.facility
  MERGE (f:Facility {id: r.id}) ON CREATE SET f.network = 'OUT', f.inNetwork = false, f.beds = 0
  SET f += r.props, f.type = 'HOSPITAL', f.source = $source, f.importId = $importId
}
CALL (r) {
  WITH r WHERE NOT r.facility
  MERGE (p:Practice {id: r.id}) ON CREATE SET p.network = 'OUT', p.inNetwork = false
  SET p += r.props, p.source = $source, p.importId = $importId
}
