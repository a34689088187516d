// Marks a plan's stop at a physician or practice visited, linking the interaction logged for it.
// $id: plan id; $targetId: physician or practice id; $interactionId: interaction id
MATCH (:VisitPlan {id: $id})-[s:STOP]->({id: $targetId})
SET s.done = true, s.interactionId = $interactionId
