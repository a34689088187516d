// Imports that were queued or running when this process stopped are marked interrupted.
MATCH (i:ImportRun) WHERE i.status IN ['RUNNING', 'QUEUED'] SET i.status = 'INTERRUPTED'
