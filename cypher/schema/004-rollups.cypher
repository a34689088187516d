// Derived referral totals (docs/graph-model.md, "Referral rollups"): rebuilt by Liaison, read by the
// leakage reports. Looked up by generation and service line.

CREATE INDEX sender_totals_lookup IF NOT EXISTS FOR (n:SenderTotals) ON (n.generation, n.serviceLine);
CREATE INDEX leakage_totals_generation IF NOT EXISTS FOR (n:LeakageTotals) ON (n.generation);
