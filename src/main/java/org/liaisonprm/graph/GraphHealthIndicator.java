package org.liaisonprm.graph;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code graph} component of {@code /actuator/health}: the store answers a read over Bolt, with
 * its mode, server version, the APOC version, how many GDS procedures it offers and node counts as details.
 */
@Component("graph")
class GraphHealthIndicator extends AbstractHealthIndicator {

    private static final String QUERY = """
            CALL dbms.components() YIELD versions, edition
            WITH versions[0] AS version, edition LIMIT 1
            RETURN version, edition, apoc.version() AS apoc,
                   COUNT { (:Physician) } AS physicians,
                   COUNT { (:Practice) } AS practices,
                   COUNT { (:Facility) } AS facilities
            """;
    private static final String GDS = "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'gds.' RETURN count(*) AS gds";

    private final Driver driver;
    private final GraphProperties properties;

    GraphHealthIndicator(Driver driver, GraphProperties properties) {
        super("The graph store did not answer");
        this.driver = driver;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try (var session = driver.session()) {
            Record row = session.executeRead(tx -> tx.run(QUERY).single());
            long gds = session.executeRead(tx -> tx.run(GDS).single().get("gds").asLong());
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
}
