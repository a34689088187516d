// Drops a run's GDS projection, if it is still there. $name: the projection's name.
CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName
