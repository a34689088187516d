package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ad-hoc Cypher: reads run, and every attempt to write, load, escape or outlast the timeout is refused or
 * stopped, leaving the graph as it was.
 */
@EmptyGraphTest
class AdHocQueryTests {

    /** Write and escape attempts; each must be refused before anything changes. */
    static final List<String> ATTEMPTS = List.of(
            "CREATE (n:Hack) RETURN n",
            "MERGE (n:Hack {id: 1}) RETURN n",
            "MATCH (p:Physician) SET p.name = 'changed' RETURN p",
            "MATCH (p:Physician) DETACH DELETE p",
            "MATCH (p:Physician) DELETE p",
            "MATCH (p:Physician) REMOVE p.name RETURN p",
            "MATCH (p:Physician) WITH p LIMIT 1 SET p:Hacked RETURN p",
            "FOREACH (i IN [1] | CREATE (:Hack))",
            "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
            "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
            "CALL { MATCH (p:Physician) SET p.x = 1 } IN TRANSACTIONS",
            "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:Hack {i: i}) } IN TRANSACTIONS OF 1 ROW",
            "CALL apoc.create.node(['Hack'], {}) YIELD node RETURN node",
            "CALL apoc.periodic.iterate('MATCH (p:Physician) RETURN p', 'SET p.x = 1', {})",
            "CALL apoc.cypher.doIt('CREATE (:Hack)', {}) YIELD value RETURN value",
            "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN count(n)', {}) AS n",
            "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
            "CALL apoc.refactor.rename.label('Physician', 'Hacked')",
            "CALL apoc.trigger.add('t', 'CREATE (:Hack)', {})",
            "CALL gds.graph.project('leak', 'Physician', 'REFERRED')",
            "MATCH (p:Physician) WITH gds.graph.project('leak', p, null) AS g RETURN g.graphName",
            "CALL gds.graph.drop('anything')",
            "CALL gds.pageRank.write('anything', {writeProperty: 'pr'})",
            "CALL gds.pageRank.mutate('anything', {mutateProperty: 'pr'})",
            "CREATE INDEX hack IF NOT EXISTS FOR (n:Hack) ON (n.x)",
            "DROP CONSTRAINT physician_id",
            "CALL db.createLabel('Hack')",
            "CALL db.clearQueryCaches()",
            "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
            "CALL dbms.killQueries(['query-1'])",
            "SHOW USERS",
            "CREATE USER hacker SET PASSWORD 'p4ssw0rd-p4ssw0rd'",
            "USE system SHOW USERS",
            "MATCH (n) RETURN count(n); CREATE (:Hack)",
            "PROFILE MATCH (n) SET n.x = 1",
            "");

    @Autowired
    Driver driver;

    @Autowired
    ReportRunner runner;

    @BeforeEach
    void graph() {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, """
                CREATE (a:Physician {id: 'a', name: 'Ann Smith, MD'})-[:REFERRED {referrals: 3,
                          periodStart: date('2026-01-01')}]->(b:Physician {id: 'b', name: 'Bo Lee, MD'})
                """);
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void writesAndEscapesAreRefusedAndChangeNothing(String attempt) {
        String before = fingerprint();
        assertThatThrownBy(() -> runner.query(attempt, Map.of(), null))
                .as(attempt).isInstanceOf(QueryRefusedException.class);
        assertThat(fingerprint()).as("graph after " + attempt).isEqualTo(before);
    }

    static List<String> attempts() {
        return ATTEMPTS;
    }

    @Test
    void readsRunAndSayWhyWhenRefused() {
        var result = runner.query("MATCH (p:Physician)-[r:REFERRED]->(q) RETURN p.name AS from, q.name AS to, r.referrals AS n",
                Map.of(), null);
        assertThat(result.rows()).containsExactly(List.of("Ann Smith, MD", "Bo Lee, MD", 3L));
        assertThatThrownBy(() -> runner.query("CALL db.labels() YIELD label RETURN label", Map.of(), null))
                .hasMessageStartingWith("The procedure db.labels is not allowed");
        assertThat(runner.query("MATCH (p:Physician {id: $id}) RETURN p.name", Map.of("id", "b"), null).rows())
                .containsExactly(List.of("Bo Lee, MD"));
        assertThatThrownBy(() -> runner.query("CREATE (n:Hack)", Map.of(), null))
                .hasMessageStartingWith("The clause CREATE is not allowed: queries may only read");
        assertThatThrownBy(() -> runner.query("LOAD CSV FROM 'file:///x' AS l RETURN l", Map.of(), null))
                .hasMessageStartingWith("LOAD CSV is not allowed: queries read the graph, not files or URLs");
        assertThatThrownBy(() -> runner.query("CALL gds.graph.exists('x')", Map.of(), null))
                .hasMessageStartingWith("The procedure gds.graph.exists is not allowed");
        assertThatThrownBy(() -> runner.query("CALL dbms.components()", Map.of(), null))
                .hasMessageStartingWith("The procedure dbms.components is not allowed");
    }

    @Test
    void gdsRunsOnAProjectionNamedForTheRunAndDroppedAfterwards() {
        var result = runner.query("""
                MATCH (a:Physician)-[r:REFERRED]->(b:Physician)
                WITH gds.graph.project($graphName, b, a) AS g
                CALL gds.pageRank.stream($graphName) YIELD nodeId, score
                MATCH (p:Physician) WHERE id(p) = nodeId
                RETURN p.id AS id ORDER BY score DESC, id
                """, Map.of(), null);
        assertThat(result.rows()).containsExactly(List.of("a"), List.of("b"));
        assertThat(GraphFixtures.count(driver, "CALL gds.graph.list() YIELD graphName RETURN count(*)")).isZero();
    }

    @Test
    void aQueryPastItsTimeoutIsStoppedWithinTwoSecondsOfIt() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.query(
                "UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i)", Map.of(), Duration.ofSeconds(2)))
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("stopped after 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void resultsAreCutAtTheRowCap() {
        var result = runner.query("UNWIND range(1, 20000) AS i RETURN i", Map.of(), null);
        assertThat(result.rows()).hasSize(10_000);
        assertThat(result.truncated()).isTrue();
    }

    private String fingerprint() {
        return GraphFixtures.rows(driver, """
                MATCH (n) WITH count(n) AS nodes, collect(labels(n)) AS labels,
                               collect(properties(n)) AS properties
                OPTIONAL MATCH ()-[r]->() WITH nodes, labels, properties, count(r) AS rels
                RETURN nodes, rels, labels, properties
                """, Map.of()).get(0).toString()
                + GraphFixtures.rows(driver, "SHOW INDEXES YIELD name RETURN collect(name) AS names", Map.of()).get(0);
    }
}
