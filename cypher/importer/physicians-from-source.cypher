// The ids of the physicians an earlier load of this source wrote (Synthea encounters may name them).
// $source
MATCH (p:Physician) WHERE p.source = $source RETURN p.id AS id
