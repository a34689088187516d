// Referrals template, rows with to_npi: sender and receiver by the node ids the batch's provider statement returned
// (referral-pair-stubs.cypher: a physician, a stub when new, or for an organisation NPI its practice), the row's
// service line or else the receiver's. Returns the lines of rows repeating a referral this import already wrote.
// One REFERRED per source, target, period and service line: an existing one is updated, else one is created;
// `duplicate` says whether this import had already written it (an earlier row of the same file). Not a MERGE:
// the planner serves a relationship MERGE from the periodStart index, scanning every relationship of the period
// for each row; comparing a list keeps the lookup to the pair's own relationships. Rows of one batch must name
// distinct keys, because all lookups of a batch run before its writes.
// $rows: [{a, b, periodStart, periodEnd, serviceLine, values, line}], $unassigned, $source, $importId
UNWIND $rows AS r
MATCH (a) WHERE id(a) = r.a
MATCH (b) WHERE id(b) = r.b
WITH a, b, r, coalesce(r.serviceLine, b.serviceLine, $unassigned) AS line
CALL (a, b, r, line) {
  OPTIONAL MATCH (a)-[found:REFERRED]->(b) WHERE [found.periodStart, found.serviceLine] = [r.periodStart, line]
  RETURN found AS x LIMIT 1
}
WITH a, b, r, line, x, coalesce(x.importId = $importId, false) AS duplicate
CALL (a, b, r, line, x) {
  WITH * WHERE x IS NULL
  CREATE (a)-[n:REFERRED {periodStart: r.periodStart, serviceLine: line}]->(b)
  SET n += r.values, n.periodEnd = r.periodEnd, n.source = $source, n.importId = $importId
}
CALL (r, x, duplicate) {
  WITH * WHERE x IS NOT NULL AND NOT duplicate
  SET x += r.values, x.periodEnd = r.periodEnd, x.source = $source, x.importId = $importId
}
WITH r, duplicate WHERE duplicate
RETURN r.line AS line
