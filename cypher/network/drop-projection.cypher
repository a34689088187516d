// Drops the explorer's GDS projection, if it is still there. $graphName.
CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName
