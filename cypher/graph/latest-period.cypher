// The latest REFERRED.periodStart in the graph, the month reports and the explorer default to.
// No parameters; no row when the graph holds no referrals.
MATCH ()-[r:REFERRED]->() WHERE r.periodStart IS NOT NULL
RETURN r.periodStart AS latest ORDER BY latest DESC LIMIT 1
