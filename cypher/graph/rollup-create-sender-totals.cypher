// Writes a batch of sender totals of a rollup generation. $rows: list of maps, one node's properties each.
UNWIND $rows AS row CREATE (n:SenderTotals) SET n = row
