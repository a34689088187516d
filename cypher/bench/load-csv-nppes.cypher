// The LOAD CSV baseline a Neo4j user would write: physicians of the generated NPPES file. Runs in transactions
// of its own (auto-commit).
LOAD CSV WITH HEADERS FROM 'file:///nppes.csv' AS row
CALL (row) {
  MERGE (p:Physician {npi: row.NPI})
  SET p.id = row.NPI, p.lastName = row.`Provider Last Name (Legal Name)`,
      p.firstName = row.`Provider First Name`,
      p.taxonomyCode = row.`Healthcare Provider Taxonomy Code_1`,
      p.state = row.`Provider Business Practice Location Address State Name`
} IN TRANSACTIONS OF 10000 ROWS
