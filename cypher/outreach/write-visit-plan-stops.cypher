// Sets a plan's start ZIP code and replaces its stops.
// $id: plan id; $startZip: ZIP code or ''; $stops: maps of targetId, order, plannedAt, pinned, done, interactionId
MATCH (v:VisitPlan {id: $id})
SET v.startZip = $startZip, v.updatedAt = datetime()
WITH v
OPTIONAL MATCH (v)-[s:STOP]->()
DELETE s
WITH DISTINCT v
UNWIND $stops AS stop
MATCH (x {id: stop.targetId}) WHERE x:Physician OR x:Practice
CREATE (v)-[:STOP {order: stop.order, plannedAt: stop.plannedAt, pinned: stop.pinned, done: stop.done,
                   interactionId: stop.interactionId}]->(x)
