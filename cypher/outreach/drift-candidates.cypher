// In-network and affiliated physicians with their kept and total referrals in a baseline window and in the
// recent window after it, for the drifting-referrer tests.
// $from: first day of the baseline (inclusive); $recentFrom: first day of the recent window; $to: end of the
// recent window (exclusive)
MATCH (p:Physician) WHERE p.inNetwork
MATCH (p)-[r:REFERRED]->(x)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH p, r.periodStart >= $recentFrom AS recent, r.referrals AS n, x.inNetwork AS kept
WITH p,
     sum(CASE WHEN NOT recent THEN n ELSE 0 END) AS baselineTotal,
     sum(CASE WHEN NOT recent AND kept THEN n ELSE 0 END) AS baselineKept,
     sum(CASE WHEN recent THEN n ELSE 0 END) AS recentTotal,
     sum(CASE WHEN recent AND kept THEN n ELSE 0 END) AS recentKept
WHERE baselineTotal > 0
RETURN p.id AS id, p.name AS name, p.zip AS zip, baselineKept, baselineTotal, recentKept, recentTotal
ORDER BY id
