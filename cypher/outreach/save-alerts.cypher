// Writes the alerts of one computation: a new alert opens; one raised before keeps its id, status and history
// and takes the new figures. Each is linked to the physician or practice it is about.
// $alerts: list of {key, kind, targetId, title, reason, details (JSON), zips, owner, rank (larger: more at stake)}; $at: datetime of the
// computation; $computation: the computation's id
UNWIND $alerts AS a
MERGE (x:Alert {key: a.key})
  ON CREATE SET x.id = randomUUID(), x.status = 'OPEN', x.raisedAt = $at
SET x.kind = a.kind, x.targetId = a.targetId, x.title = a.title, x.reason = a.reason, x.details = a.details,
    x.zips = a.zips, x.owner = a.owner, x.rank = a.rank, x.seenAt = $at, x.computation = $computation
WITH x, a
OPTIONAL MATCH (x)-[old:ABOUT]->()
DELETE old
WITH DISTINCT x, a
MATCH (target {id: a.targetId}) WHERE target:Physician OR target:Practice
MERGE (x)-[:ABOUT]->(target)
