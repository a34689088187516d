// How many REFERRED relationships the graph holds. No parameters.
MATCH ()-[r:REFERRED]->() RETURN count(r) AS n
