// Interactions per week (Mondays) and type since a day: columns week, type, interactions.
// $since: date
MATCH (:User)-[:LOGGED]->(i:Interaction) WHERE i.date >= $since
WITH date.truncate('week', i.date) AS week, i.type AS type, count(*) AS n
RETURN toString(week) AS week, type, n ORDER BY week, type
