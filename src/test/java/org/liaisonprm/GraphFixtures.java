package org.liaisonprm;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Writes small hand-made graphs for tests, straight through the driver.
 */
public final class GraphFixtures {

    private GraphFixtures() {
    }

    /** Removes every provider, health system and payer; users and schema records stay. */
    public static void clear(Driver driver) {
        run(driver, """
                MATCH (n) WHERE n:Physician OR n:Practice OR n:Facility OR n:HealthSystem OR n:Payer
                DETACH DELETE n
                """);
    }

    /** Runs one write statement (a fixture may hold many clauses). */
    public static void run(Driver driver, String cypher) {
        run(driver, cypher, Map.of());
    }

    public static void run(Driver driver, String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run(cypher, parameters).consume());
        }
    }

    /** The rows of a read query. */
    public static List<Record> rows(Driver driver, String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list());
        }
    }

    public static long count(Driver driver, String cypher) {
        return count(driver, cypher, Map.of());
    }

    /** The single number a read query returns. */
    public static long count(Driver driver, String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).single().get(0).asLong());
        }
    }
}
