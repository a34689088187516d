// Whether any referral of the period exists: if none, a referral-pair load is the period's first load.
// $periodStart: the period's first day
MATCH ()-[r:REFERRED]->() WHERE r.periodStart = $periodStart RETURN 1 LIMIT 1
