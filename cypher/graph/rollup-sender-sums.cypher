// Referrals, kept and leaked per sender, service line and period, for a batch of senders.
// Kept: the target is in network (inNetwork); leaked: the target is OUT.
// $ids: list of physician ids.
UNWIND $ids AS id
MATCH (p:Physician {id: id})-[r:REFERRED]->(t)
WHERE r.periodStart IS NOT NULL
RETURN id, r.serviceLine AS line, r.periodStart AS period,
       sum(r.referrals) AS referrals,
       sum(CASE WHEN t.inNetwork THEN r.referrals ELSE 0 END) AS kept,
       sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
