// Records that a schema file was applied. $id: the file name; $checksum: SHA-256 of its text;
// $count: how many statements it holds.
MERGE (m:SchemaMigration {id: $id})
SET m.checksum = $checksum, m.statements = $count, m.appliedAt = datetime()
