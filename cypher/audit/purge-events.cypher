// Removes up to 10,000 audit events older than the retention period; returns how many it removed.
// $seconds: the retention period in seconds.
MATCH (e:AuditEvent) WHERE e.at < datetime() - duration({seconds: $seconds})
WITH e LIMIT 10000 DELETE e RETURN count(*) AS n
