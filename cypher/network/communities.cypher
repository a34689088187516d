// Louvain over the flows of one explorer picture, projected for this call only (dropped afterwards with
// drop-projection.cypher). $flows ([source element id, target element id, referrals]), $graphName.
UNWIND $flows AS flow
MATCH (a) WHERE elementId(a) = flow[0]
MATCH (b) WHERE elementId(b) = flow[1]
WITH gds.graph.project($graphName, a, b, {relationshipProperties: {referrals: flow[2]}},
                       {undirectedRelationshipTypes: ['*']}) AS projection
CALL gds.louvain.stream($graphName, {relationshipWeightProperty: 'referrals'})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId
