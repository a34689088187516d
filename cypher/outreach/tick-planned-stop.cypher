// Ticks the stop at a physician or practice in the plan its liaison made for the week of a face-to-face
// interaction, when the stop is not ticked yet; returns the plan's id.
// $username: who logged the interaction; $week: the Monday of the interaction's week;
// $targetId: physician or practice id; $interactionId: the interaction's id
MATCH (:User {username: $username})-[:PLANS]->(v:VisitPlan {weekStart: $week})-[s:STOP]->({id: $targetId})
WHERE NOT coalesce(s.done, false)
SET s.done = true, s.interactionId = $interactionId
RETURN v.id AS planId
