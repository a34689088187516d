// Waits until every index is online, at most $seconds; fails when one is still being built then or failed.
CALL db.awaitIndexes($seconds)
