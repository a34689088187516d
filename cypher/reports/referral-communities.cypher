// @title Referral communities
// @description Groups of physicians who refer mostly among themselves: natural starting points for drawing
// @description territories or planning visits. Each group shows its size, how many members are in network,
// @description the referrals its members send and the share that stays in network, its busiest members and
// @description where its practices centre.
// @category Influence
// @view table
// @gds
// @param from: date = latest-12m
// @param to: date = latest
// @param minSize: int = 5
// @column communityId: Community | text
// @column size: Members | count
// @column inNetworkMembers: In-network members | count
// @column referrals: Referrals sent | count
// @column kept: Kept in network | count
// @column keptShare: Kept share | percent
// @column topMembers: Busiest members | text
// @column topMemberIds: Busiest members' NPIs | text
// @column lat: Latitude | number
// @column lon: Longitude | number
//
// GDS Louvain over physician-to-physician REFERRED in [from, to), weighted by referrals, direction ignored,
// concurrency 1 so the communities are repeatable. Communities of at least minSize (5) members.
// inNetworkMembers counts inNetwork (IN or AFFILIATED) members; kept: referrals to inNetwork targets;
// keptShare = kept / referrals (0–1). topMembers: the five members sending most; lat/lon: the mean of the
// members' coordinates.
MATCH (a:Physician)-[r:REFERRED]->(b:Physician)
WHERE r.periodStart >= $from AND r.periodStart < $to
WITH a, b, sum(r.referrals) AS referrals
WITH gds.graph.project($graphName, a, b, {relationshipProperties: {referrals: referrals}},
                       {undirectedRelationshipTypes: ['*']}) AS projection
CALL gds.louvain.stream($graphName, {relationshipWeightProperty: 'referrals', concurrency: 1})
YIELD nodeId, communityId
MATCH (p:Physician) WHERE id(p) = nodeId
WITH p, communityId
CALL {
  WITH p
  MATCH (p)-[r:REFERRED]->(t)
  WHERE r.periodStart >= $from AND r.periodStart < $to
  RETURN sum(r.referrals) AS sent,
         sum(CASE WHEN t.inNetwork THEN r.referrals ELSE 0 END) AS kept
}
WITH communityId, p, sent, kept
ORDER BY sent DESC, p.id
WITH communityId, count(p) AS size,
     sum(CASE WHEN p.inNetwork THEN 1 ELSE 0 END) AS inNetworkMembers,
     sum(sent) AS referrals, sum(kept) AS kept,
     collect(p.name)[0..5] AS topMembers, collect(p.id)[0..5] AS topMemberIds,
     avg(p.lat) AS lat, avg(p.lon) AS lon
WHERE size >= $minSize
RETURN communityId, size, inNetworkMembers, referrals, kept,
       CASE referrals WHEN 0 THEN null ELSE round(toFloat(kept) / referrals, 4) END AS keptShare,
       topMembers, topMemberIds, round(lat, 5) AS lat, round(lon, 5) AS lon
ORDER BY size DESC, communityId
