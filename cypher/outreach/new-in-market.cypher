// Physicians of the territories (any territory's ZIP codes) first seen in the referral data since a day,
// sending or receiving, with their specialty. Stubs (known only by NPI) are left out.
// $since: date
MATCH (t:Territory)
UNWIND t.zips AS zip
WITH DISTINCT zip
MATCH (p:Physician {zip: zip})
WHERE NOT coalesce(p.stub, false)
CALL (p) {
  OPTIONAL MATCH (p)-[r:REFERRED]-()
  RETURN min(r.periodStart) AS firstSeen
}
WITH p, firstSeen WHERE firstSeen >= $since
RETURN p.id AS id, p.name AS name, p.zip AS zip, p.specialty AS specialty, p.network AS network, firstSeen
ORDER BY id
