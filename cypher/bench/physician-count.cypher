// How many physicians the store holds.
MATCH (p:Physician) RETURN count(p) AS n
