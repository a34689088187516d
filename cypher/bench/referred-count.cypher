// How many REFERRED relationships the benchmark graph holds.
MATCH ()-[r:REFERRED]->() RETURN count(r)
