// The import history (docs/import-formats.md): one (:ImportRun) per import, newest first.

CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_run_started IF NOT EXISTS FOR (n:ImportRun) ON (n.startedAt);
