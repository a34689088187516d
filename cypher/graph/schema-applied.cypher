// Whether a schema file was applied with this text: one row, same, when it was applied at all.
// $id: the file name; $checksum: SHA-256 of its text.
MATCH (m:SchemaMigration {id: $id}) RETURN m.checksum = $checksum AS same
