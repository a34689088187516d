// Records an import as it starts, in the import history.
// $run: {id, format, file, username, options}
CREATE (i:ImportRun {id: $run.id, startedAt: datetime(), status: 'RUNNING'})
SET i += $run
