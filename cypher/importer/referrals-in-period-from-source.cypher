// Whether an earlier load of this kind of file wrote referrals of the period (which this load then replaces,
// also under another service line).
// $periodStart: the period's first day, $source: shared-patients or hop-teaming
MATCH ()-[r:REFERRED]->() WHERE r.periodStart = $periodStart AND r.source = $source
RETURN 1 LIMIT 1
