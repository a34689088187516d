// Drops the GDS projection influence-pagerank made, if it exists.
// $graphName: the projection's name
CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName
