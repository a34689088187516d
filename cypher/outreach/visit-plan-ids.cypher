// The ids of a user's plans, newest week first.
// $username: user name
MATCH (:User {username: $username})-[:PLANS]->(v:VisitPlan)
RETURN v.id AS id ORDER BY v.weekStart DESC
