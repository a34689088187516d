// The in-network senders the rollup keeps totals for: physicians with inNetwork true who referred at least
// once, with their network. No parameters.
MATCH (p:Physician) WHERE p.inNetwork AND EXISTS { (p)-[:REFERRED]->() }
RETURN p.id AS id, p.network AS network ORDER BY id
