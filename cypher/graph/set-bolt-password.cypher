// Runs on the embedded server's system database: the password Liaison connects over Bolt with, for its
// default user neo4j (EmbeddedGraphServer.DEFAULT_USER). $password.
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
