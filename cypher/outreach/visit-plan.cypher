// A plan.
// $id: plan id
MATCH (v:VisitPlan {id: $id}) RETURN v
