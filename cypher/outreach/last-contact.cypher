// The latest interaction with a physician or practice by anyone: when, by whom and how.
// $id: physician or practice id
MATCH ({id: $id})<-[:WITH]-(i:Interaction)<-[:LOGGED]-(u:User)
RETURN i.date AS date, u.username AS username, coalesce(u.displayName, u.username) AS name, i.type AS type, i.reached AS reached
ORDER BY i.date DESC, i.loggedAt DESC LIMIT 1
