// A user's plan for a week, created empty (starting at a ZIP code) when there is none.
// $username: user name; $week: the week's Monday; $id: id for a new plan; $startZip: ZIP code or ''
MATCH (u:User {username: $username})
MERGE (u)-[:PLANS]->(v:VisitPlan {owner: $username, weekStart: $week})
  ON CREATE SET v.id = $id, v.startZip = $startZip, v.createdAt = datetime()
