// The LOAD CSV baseline a Neo4j user would write: referrals of the generated hop-teaming file. Runs in
// transactions of its own (auto-commit).
// $period: the period's first day, as text
LOAD CSV WITH HEADERS FROM 'file:///hop-teaming.csv' AS row
CALL (row) {
  MERGE (a:Physician {npi: row.from_npi})
  MERGE (b:Physician {npi: row.to_npi})
  MERGE (a)-[r:REFERRED {periodStart: date($period), serviceLine: 'Other'}]->(b)
  SET r.referrals = toInteger(row.transaction_count), r.patients = toInteger(row.patient_count),
      r.averageDayWait = toFloat(row.average_day_wait), r.periodEnd = date($period) + duration('P1Y')
} IN TRANSACTIONS OF 10000 ROWS
