// Referral files name organisations by NPI: their referrals attach to the practice with it.

CREATE INDEX practice_npi IF NOT EXISTS FOR (n:Practice) ON (n.npi);
