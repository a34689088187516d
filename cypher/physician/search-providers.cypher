// Physicians, practices and facilities matching a full-text query on the providerSearch index, best first.
// $query: a Lucene query (ProviderSearch.luceneQuery); $offset, $limit: the page.
CALL db.index.fulltext.queryNodes('providerSearch', $query) YIELD node AS n, score
RETURN n.id AS id, labels(n) AS labels, n.name AS name,
       CASE WHEN n:Physician THEN n.specialty WHEN n:Facility THEN n.type ELSE 'Practice' END AS detail,
       n.city AS city, n.network AS network
ORDER BY score DESC, n.name
SKIP $offset LIMIT $limit
