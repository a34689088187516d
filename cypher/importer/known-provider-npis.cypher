// The NPIs of the providers the graph holds (--only-known-npis): physicians that are not stubs, and practices.
UNWIND [1] AS _
CALL () {
  MATCH (p:Physician) WHERE p.npi IS NOT NULL AND NOT coalesce(p.stub, false)
  RETURN p.npi AS npi
  UNION ALL
  MATCH (o:Practice) WHERE o.npi IS NOT NULL
  RETURN o.npi AS npi
}
RETURN npi
