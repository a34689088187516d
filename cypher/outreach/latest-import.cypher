// When the latest import that wrote rows finished, or null.
OPTIONAL MATCH (r:ImportRun) WHERE r.status = 'DONE' AND r.imported > 0
RETURN max(r.finishedAt) AS finishedAt
