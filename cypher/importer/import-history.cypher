// The newest imports of the history first.
// $limit: how many
MATCH (i:ImportRun) RETURN i ORDER BY i.startedAt DESC LIMIT $limit
