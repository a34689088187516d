// Removes up to 10,000 sender totals of other generations than $generation; returns how many it removed.
MATCH (n:SenderTotals) WHERE n.generation <> $generation
WITH n LIMIT 10000 DELETE n RETURN count(*) AS removed
