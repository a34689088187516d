// Removes up to 10,000 finished imports older than the retention period from the import history; returns
// their ids, whose error reports go with them. Queued and running imports are never removed.
// $seconds: the retention period in seconds.
MATCH (i:ImportRun) WHERE i.startedAt < datetime() - duration({seconds: $seconds})
  AND NOT i.status IN ['QUEUED', 'RUNNING']
WITH i LIMIT 10000
WITH i, i.id AS id
DETACH DELETE i
RETURN id
