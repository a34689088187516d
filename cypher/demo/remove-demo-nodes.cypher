// Deletes every node the demo loader wrote, with its relationships, 100 at a time. Runs in an auto-commit
// transaction, as CALL ... IN TRANSACTIONS needs.
// No parameters.
MATCH (n) WHERE n.source = 'demo'
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS
