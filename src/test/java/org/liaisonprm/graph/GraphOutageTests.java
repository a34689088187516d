package org.liaisonprm.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.liaisonprm.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Liaison in external mode while its Neo4j server is stopped and started again: API calls answer 503 with
 * a JSON body (never 401, even for a password not checked before), health says DOWN within two seconds, and
 * everything answers again after the restart without restarting Liaison.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"liaison.graph.mode=external", "liaison.demo.enabled=false"})
@ActiveProfiles("test")
class GraphOutageTests {

    private static final String PASSWORD = "outage-secret";
    private static final String ADMIN = "admin:test-admin-secret";
    private static final Map<String, String> SETTINGS = Map.of("server.memory.pagecache.size", "64m");
    private static Path home;
    private static int boltPort;
    private static EmbeddedGraphServer server;

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) throws Exception {
        home = Files.createTempDirectory("liaison-outage");
        try (var socket = new ServerSocket(0)) {
            boltPort = socket.getLocalPort();
        }
        server = EmbeddedGraphServer.start(home, "127.0.0.1", boltPort, PASSWORD, SETTINGS);
        registry.add("spring.neo4j.uri", () -> server.boltUri().toString());
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> PASSWORD);
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        FileSystemUtils.deleteRecursively(home);
    }

    @LocalServerPort
    int port;

    @Test
    void callsAnswer503WhileTheStoreIsAwayAndNormallyAfterItIsBack() throws Exception {
        var http = new Http(port);
        assertThat(http.get("/api/reports", ADMIN).statusCode()).isEqualTo(200);
        assertThat(Http.json(http.get("/actuator/health", null)).path("status").asText()).isEqualTo("UP");

        server.close();
        server = null;

        long stopped = System.nanoTime();
        var health = http.get("/actuator/health", null);
        long healthMs = millisSince(stopped);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(Http.json(health).path("status").asText()).isEqualTo("DOWN");
        assertThat(healthMs).as("health says DOWN within 2 s").isLessThan(2_000);

        for (String authorization : new String[]{ADMIN, "admin:a-password-never-checked", "lia_notarealtoken"}) {
            long asked = System.nanoTime();
            HttpResponse<String> during = http.get("/api/reports", authorization);
            assertThat(during.statusCode()).as(authorization + ": " + during.body()).isEqualTo(503);
            assertThat(millisSince(asked)).as("answered within 5 s").isLessThan(5_000);
            assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(Http.json(during).path("status").asInt()).isEqualTo(503);
            assertThat(Http.json(during).path("error").asText()).contains("graph store cannot be reached");
            assertThat(during.headers().firstValue("Retry-After")).isPresent();
        }
        long asked = System.nanoTime();
        var neighbourhood = http.get("/api/network/neighbourhood?focus=1234567893", ADMIN);
        assertThat(neighbourhood.statusCode()).isEqualTo(503);
        assertThat(millisSince(asked)).isLessThan(5_000);

        server = EmbeddedGraphServer.start(home, "127.0.0.1", boltPort, PASSWORD, SETTINGS);

        await("answers again after the restart").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/reports", ADMIN).statusCode() == 200);
        assertThat(http.get("/api/reports", "admin:a-password-never-checked").statusCode())
                .as("a wrong password is a wrong password again").isEqualTo(401);
        assertThat(Http.json(http.get("/actuator/health", null)).path("status").asText()).isEqualTo("UP");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
