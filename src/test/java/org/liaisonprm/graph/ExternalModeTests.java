package org.liaisonprm.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.liaisonprm.network.NetworkService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * External mode against a separately started Neo4j server (here: an embedded DBMS on its own port,
 * with a password), reached only through spring.neo4j.*.
 */
@SpringBootTest(properties = {"liaison.graph.mode=external", "liaison.demo.physicians=400"})
@ActiveProfiles("test")
class ExternalModeTests {

    private static final String PASSWORD = "external-secret";
    private static Path home;
    private static EmbeddedGraphServer server;

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) throws Exception {
        home = Files.createTempDirectory("liaison-external");
        server = EmbeddedGraphServer.start(home, "127.0.0.1", 0, PASSWORD,
                Map.of("server.memory.pagecache.size", "64m"));
        registry.add("spring.neo4j.uri", () -> server.boltUri().toString());
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> PASSWORD);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        FileSystemUtils.deleteRecursively(home);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    NetworkService network;

    @Test
    void loadsTheDemoRegionIntoTheExternalServerAndAnswersFromIt() {
        assertThat(context.getBeansOfType(EmbeddedGraphServer.class)).as("no store in this process").isEmpty();

        try (Driver direct = GraphDatabase.driver(server.boltUri(), server.authToken());
             var session = direct.session()) {
            assertThat(session.run("MATCH (p:Physician) RETURN count(p) AS n").single().get("n").asLong())
                    .isEqualTo(400);
            assertThat(session.run("MATCH (u:User {username: 'admin'}) RETURN count(u) AS n").single().get("n").asLong())
                    .isEqualTo(1);
            assertThat(session.run("MATCH (m:SchemaMigration) RETURN count(m) AS n").single().get("n").asLong())
                    .as("one record per schema file").isEqualTo(EmbeddedGraphServerTests.schemaFiles().size());
        }
        var top = network.topReferrers(network.defaultPeriod(), 3);
        assertThat(top).hasSize(3);
        assertThat(network.neighbourhood(top.get(0).id(), network.defaultPeriod(), 20)).hasValueSatisfying(
                picture -> assertThat(picture.nodes().size()).isGreaterThan(1));
    }
}
