// Appends one event to the audit trail, stamped with the server's time.
// $event: map with id, type, username, address, target, detail, rows, durationMs (any but id may be null).
CREATE (e:AuditEvent {id: $event.id, at: datetime()})
SET e += $event
