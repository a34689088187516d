// Every distinct REFERRED.periodStart, in order: the periods the rollup's running totals step through.
// No parameters.
MATCH ()-[r:REFERRED]->() WHERE r.periodStart IS NOT NULL
RETURN DISTINCT r.periodStart AS period ORDER BY period
