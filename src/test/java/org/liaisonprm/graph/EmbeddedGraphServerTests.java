package org.liaisonprm.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * The embedded store on its own: Bolt, schema, APOC, GDS and durability.
 */
class EmbeddedGraphServerTests {

    private static final Map<String, String> SMALL = Map.of("server.memory.pagecache.size", "32m");

    @TempDir
    Path home;

    @Test
    void answersOverBoltWithSchemaApocAndGds() {
        try (var server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL);
             Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
            assertThat(server.boltUri().getPort()).isPositive().isNotEqualTo(7687);

            var applied = new GraphSchema(new Graph(driver)).apply();
            assertThat(applied).startsWith("001-constraints.cypher", "002-indexes.cypher", "003-search.cypher")
                    .containsExactlyElementsOf(schemaFiles());
            assertThat(new GraphSchema(new Graph(driver)).apply()).as("a second start applies nothing").isEmpty();
            try (var session = driver.session()) {
                List<String> constraints = session.executeRead(tx -> tx.run("SHOW CONSTRAINTS YIELD name RETURN name")
                        .list(r -> r.get(0).asString()));
                assertThat(constraints).contains("physician_id", "physician_npi", "facility_id", "user_username");
                long migrations = session.executeRead(tx -> tx.run("MATCH (m:SchemaMigration) RETURN count(m)")
                        .single().get(0).asLong());
                assertThat(migrations).isEqualTo(schemaFiles().size());

                assertThat(session.run("RETURN apoc.version() AS v").single().get("v").asString()).startsWith("5.26");
                assertThat(session.run("RETURN apoc.text.join(['a', 'b'], '-') AS v").single().get("v").asString())
                        .isEqualTo("a-b");

                // a -> b, c -> b, b -> d: d collects everything, b is second
                session.executeWrite(tx -> tx.run("""
                        CREATE (a:P {name: 'a'}), (b:P {name: 'b'}), (c:P {name: 'c'}), (d:P {name: 'd'}),
                               (a)-[:R]->(b), (c)-[:R]->(b), (b)-[:R]->(d)
                        """).consume());
                List<String> ranked = session.run("""
                        CALL gds.graph.project('pr', 'P', 'R')
                        YIELD graphName
                        CALL gds.pageRank.stream('pr') YIELD nodeId, score
                        RETURN gds.util.asNode(nodeId).name AS name ORDER BY score DESC
                        """).list(r -> r.get("name").asString());
                assertThat(ranked.subList(0, 2)).containsExactly("d", "b");
                session.run("CALL gds.graph.drop('pr')").consume();
            }
        }
    }

    @Test
    void aStoreFromBeforeAChangedOrNewSchemaFileGetsIt() {
        try (var server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL);
             Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
             var session = driver.session()) {
            var schema = new GraphSchema(new Graph(driver));
            schema.apply();
            // as a store made before 002 lost its REFERRED(serviceLine) index and 011 dropped it from older stores
            session.run("CREATE INDEX referred_service_line FOR ()-[r:REFERRED]-() ON (r.serviceLine)").consume();
            session.run("""
                    MATCH (m:SchemaMigration) WHERE m.id = '011-no-referred-service-line-index.cypher' DELETE m
                    WITH 1 AS one MATCH (m:SchemaMigration {id: '002-indexes.cypher'}) SET m.checksum = 'older'
                    """).consume();

            assertThat(schema.apply()).containsExactly("002-indexes.cypher", "011-no-referred-service-line-index.cypher");
            assertThat(schema.awaitIndexes(java.time.Duration.ofMinutes(1))).as("every index online").isEmpty();
            List<String> indexes = session.run("SHOW INDEXES YIELD name RETURN name").list(r -> r.get(0).asString());
            assertThat(indexes).contains("referred_period", "physician_zip", "providerSearch")
                    .doesNotContain("referred_service_line");
            assertThat(schema.apply()).isEmpty();
        }
    }

    @Test
    void keepsEveryNodeAndRelationshipAcrossARestart() {
        try (var server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL);
             Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
             var session = driver.session()) {
            session.executeWrite(tx -> tx.run("UNWIND range(1, 500) AS i CREATE (:Node {i: i})-[:NEXT]->(:Node)")
                    .consume());
        }
        try (var server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL);
             Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
             var session = driver.session()) {
            var counts = session.executeRead(tx -> tx.run(
                    "MATCH (n:Node) WITH count(n) AS nodes MATCH ()-[r:NEXT]->() RETURN nodes, count(r) AS rels")
                    .single());
            assertThat(counts.get("nodes").asLong()).isEqualTo(1000);
            assertThat(counts.get("rels").asLong()).isEqualTo(500);
        }
    }

    @Test
    void boltRequiresTheGeneratedPasswordAlsoOnLoopback() throws Exception {
        String password;
        try (var server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL)) {
            Path file = home.resolve("bolt-password");
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            try (Driver anonymous = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
                assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            try (Driver withPassword = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", password));
                 var session = withPassword.session()) {
                assertThat(session.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
                // only the procedures Liaison uses are loaded, and file URLs are off
                assertThatThrownBy(() -> session.run("RETURN apoc.cypher.runFirstColumnSingle('RETURN 1', {}) AS x")
                        .consume()).hasMessageContaining("Unknown function");
                assertThatThrownBy(() -> session.run("CALL apoc.load.json('file:///etc/passwd')").consume())
                        .hasMessageContaining("no procedure");
                assertThatThrownBy(() -> session.run("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l").consume())
                        .hasMessageContaining("allow_csv_import_from_file_urls");
                assertThat(session.run("SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' "
                        + "RETURN value").single().get(0).asString()).isNotEqualTo("0B");
            }
        }
        try (var server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL)) {
            assertThat(Files.readString(home.resolve("bolt-password")).strip()).as("kept across a restart")
                    .isEqualTo(password);
            try (Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
                driver.verifyConnectivity();
            }
        }
    }

    @Test
    void requiresAPasswordBeyondLoopbackAndEnforcesIt() {
        assertThatThrownBy(() -> EmbeddedGraphServer.start(home, "0.0.0.0", 0, null, SMALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("liaison.graph.bolt-password");

        try (var server = EmbeddedGraphServer.start(home, "0.0.0.0", 0, "s3cret-bolt", SMALL)) {
            try (Driver wrong = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "wrong"))) {
                assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            try (Driver right = GraphDatabase.driver(server.boltUri(), server.authToken())) {
                assertThat(right.session().run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
            }
        }
        // the password survives a restart and setting the same one again is not an error
        try (var server = EmbeddedGraphServer.start(home, "0.0.0.0", 0, "s3cret-bolt", SMALL);
             Driver right = GraphDatabase.driver(server.boltUri(), server.authToken())) {
            right.verifyConnectivity();
        }
    }

    @Test
    void saysWhoHoldsALockedStore() {
        try (var server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL)) {
            assertThatThrownBy(() -> EmbeddedGraphServer.start(home, "127.0.0.1", 0, null, SMALL))
                    .isInstanceOf(GraphStoreLockedException.class)
                    .hasMessageContaining("in use by another process");
        }
    }

    /** The schema files in the project, in the order they are applied. */
    static List<String> schemaFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("cypher/schema"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".cypher")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
