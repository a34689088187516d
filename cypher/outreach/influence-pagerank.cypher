// PageRank of the physicians over their referrals to each other in a window, weighted by referrals and
// projected in reverse (a physician who is referred to by influential ones ranks high), lowest first.
// Projects the GDS graph $graphName, which the caller drops afterwards (influence-drop-projection).
// $from: date (inclusive); $to: date (exclusive); $graphName: a name no other projection uses
MATCH (sender:Physician)-[r:REFERRED]->(receiver:Physician)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH sender, receiver, sum(r.referrals) AS referrals
WITH gds.graph.project($graphName, receiver, sender,
                       {relationshipProperties: {referrals: referrals}}) AS projection
CALL gds.pageRank.stream($graphName, {relationshipWeightProperty: 'referrals'})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
ORDER BY score, id
