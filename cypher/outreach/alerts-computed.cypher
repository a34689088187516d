// When alerts were last computed, or null.
OPTIONAL MATCH (s:AlertState {id: 'alerts'})
RETURN s.computedAt AS computedAt
