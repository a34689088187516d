// The service line of each physician among $ids (by NPI) that has one, as "npi<TAB>service line": what a dry
// run needs for the key of a template referral row that names no service line.
// $ids: list of NPIs
UNWIND $ids AS id
MATCH (b:Physician {npi: id}) WHERE b.serviceLine IS NOT NULL
RETURN id + '\t' + b.serviceLine AS pair
