// The service line of each facility among $ids (by CCN) that has one, as "ccn<TAB>service line": what a dry
// run needs for the key of a template referral row that names no service line.
// $ids: list of CCNs
UNWIND $ids AS id
MATCH (b:Facility {id: id}) WHERE b.serviceLine IS NOT NULL
RETURN id + '\t' + b.serviceLine AS pair
