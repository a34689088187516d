// What a store holds besides Liaison's record of its schema, by label: a bulk first load writes only a store
// that holds nothing else.
MATCH (n) WHERE NOT n:SchemaMigration
UNWIND CASE WHEN size(labels(n)) = 0 THEN ['(no label)'] ELSE labels(n) END AS label
RETURN label, count(*) AS nodes
ORDER BY nodes DESC, label
