// Writes a batch of per-network leakage totals of a rollup generation. $rows: list of maps, one node's
// properties each.
UNWIND $rows AS row CREATE (n:LeakageTotals) SET n = row
