// Writes a batch of demo interactions of liaisons (who exist) with physicians.
// $rows: maps of id, username, targetId, type, date, reached, durationMinutes, notes, outcome, followUpDate
UNWIND $rows AS r
MATCH (u:User {username: r.username})
MATCH (p:Physician {id: r.targetId})
CREATE (u)-[:LOGGED]->(i:Interaction {id: r.id, type: r.type, date: r.date, reached: r.reached,
        durationMinutes: r.durationMinutes, notes: r.notes, outcome: r.outcome,
        followUpDate: r.followUpDate, source: 'demo',
        loggedAt: datetime({date: r.date, hour: 17})})-[:WITH]->(p)
