// The territory ids that start with a text, for making a new one unique.
// $base: the start of the id
MATCH (t:Territory) WHERE t.id STARTS WITH $base RETURN collect(t.id) AS ids
