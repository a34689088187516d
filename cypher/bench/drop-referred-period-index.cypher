// The LOAD CSV baseline's store: without Liaison's REFERRED period index, which would turn the relationship
// MERGE into a scan of every referral of the period per row.
DROP INDEX referred_period IF EXISTS
