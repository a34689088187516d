// The current referral rollup: its generation, how many REFERRED it was built from, how many periods.
// No parameters; no row when there is no rollup.
MATCH (a:ReferralRollup)
RETURN a.generation AS generation, a.relationships AS relationships, size(a.periods) AS periods
