// Audit events, newest first, filtered by whichever of the parameters are not null.
// $from, $to (datetime, to exclusive), $username, $type: filters, each may be null; $limit: at most this many.
MATCH (e:AuditEvent)
WHERE ($from IS NULL OR e.at >= $from) AND ($to IS NULL OR e.at < $to)
  AND ($username IS NULL OR e.username = $username) AND ($type IS NULL OR e.type = $type)
RETURN e ORDER BY e.at DESC, e.id LIMIT $limit
