// Removes the rollup's head node (its totals are removed first). No parameters.
MATCH (a:ReferralRollup) DELETE a
