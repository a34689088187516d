// Records how an import ended: its status, message, duration and counts.
// $id: the import's id, $run: {format, status, message, durationMs, rowsRead, imported, skipped, refused,
//   nodesCreated, nodesUpdated, relationshipsCreated, relationshipsUpdated}
MATCH (i:ImportRun {id: $id})
SET i += $run, i.finishedAt = datetime()
