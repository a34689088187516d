// The referral numbers the three loads must agree on.
MATCH ()-[r:REFERRED]->()
RETURN count(r) AS referred, sum(r.referrals) AS referrals, sum(r.patients) AS patients
