package org.liaisonprm.graph;

import java.time.Duration;
import java.util.Map;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Record;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code graph} component of {@code /actuator/health}: the store answers a read over Bolt, with
 * its mode, server version, the APOC version, how many GDS procedures it offers and node counts as details.
 * The read is not retried and has a short time limit, so that a store that went away shows DOWN within
 * two seconds (a load balancer's check gives up long before the driver's retries would).
 */
@Component("graph")
class GraphHealthIndicator extends AbstractHealthIndicator {

    private static final Cypher QUERY = Cypher.load("graph/health");
    private static final Cypher GDS = Cypher.load("graph/health-gds");

    private static final Duration TIME_LIMIT = Duration.ofMillis(1500);

    private final Graph graph;
    private final GraphProperties properties;

    GraphHealthIndicator(Graph graph, GraphProperties properties) {
        super("The graph store did not answer");
        this.graph = graph;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var check = TransactionConfig.builder().withTimeout(TIME_LIMIT).build();
        Record row = graph.inTransaction(AccessMode.READ, check, Graph.Outcome.ROLL_BACK,
                tx -> tx.first(QUERY, Map.of(), r -> r)).orElseThrow();
        long gds = graph.inTransaction(AccessMode.READ, check, Graph.Outcome.ROLL_BACK,
                tx -> tx.first(GDS, Map.of(), r -> r.get("gds").asLong())).orElseThrow();
        builder.up()
                .withDetail("mode", properties.mode().name().toLowerCase())
                .withDetail("neo4j", row.get("version").asString() + " " + row.get("edition").asString())
                .withDetail("apoc", row.get("apoc").asString())
                .withDetail("gdsProcedures", gds)
                .withDetail("physicians", row.get("physicians").asLong())
                .withDetail("practices", row.get("practices").asLong())
                .withDetail("facilities", row.get("facilities").asLong());
    }
}
