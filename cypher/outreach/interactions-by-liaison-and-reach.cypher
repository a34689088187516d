// Interactions per liaison (their name shown) and whom they reached since a day: columns liaison, reached,
// interactions.
// $since: date
MATCH (u:User)-[:LOGGED]->(i:Interaction) WHERE i.date >= $since
WITH coalesce(u.displayName, u.username) AS liaison, i.reached AS reached, count(*) AS n
RETURN liaison, reached, n ORDER BY liaison, reached
