// Interactions logged by one user (or the team) since a day, how many reached a physician, and how many
// physicians or practices they were with.
// $username: string or null for the team; $since: date
MATCH (u:User)-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
WHERE ($username IS NULL OR u.username = $username) AND i.date >= $since
RETURN count(i) AS interactions,
       count(CASE WHEN i.reached = 'PHYSICIAN' THEN 1 END) AS reached,
       count(DISTINCT x) AS physicians
