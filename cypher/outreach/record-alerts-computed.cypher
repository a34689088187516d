// Records when alerts were last computed. $at: datetime
MERGE (s:AlertState {id: 'alerts'})
SET s.computedAt = $at
