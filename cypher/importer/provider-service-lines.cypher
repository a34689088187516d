// The service line of each physician among $ids (by id) that has one, as "id<TAB>service line".
// $ids: list of physician ids
UNWIND $ids AS id
MATCH (p:Physician {id: id}) WHERE p.serviceLine IS NOT NULL
RETURN id + '\t' + p.serviceLine AS pair
