// The ids among $ids that an import of the history has: the error reports of the others are orphans.
// $ids: list of import ids
UNWIND $ids AS id
MATCH (i:ImportRun {id: id})
RETURN id
