package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a visitor who has not logged in can reach, over real HTTP.
 */
@DemoGraphTest
class SecurityTests {

    private static final String ADMIN_PASSWORD = "test-admin-secret";
    private static final String DEMO_PASSWORD = "test-demo-secret";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/network", "/network?focus=1234567893", "/some/unknown/view"})
    void viewsRedirectAnonymousVisitorsToTheLoginPage(String path) throws Exception {
        var response = get(path, null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/network/neighbourhood?focus=1", "/api/anything", "/actuator/info", "/actuator/env"})
    void apisRefuseAnonymousCallers(String path) throws Exception {
        var response = get(path, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void unknownApiPathsAnswer404JsonAndEveryErrorHasTheSameShape() throws Exception {
        var mapper = new ObjectMapper();
        for (String path : new String[]{"/api/no-such-thing", "/api/", "/api/reports/payer-mix/no-such-part", "/api/network"}) {
            var unknown = get(path, "admin:" + ADMIN_PASSWORD);
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode body = mapper.readTree(unknown.body());
            assertThat(body.path("status").asInt()).isEqualTo(404);
            assertThat(body.path("error").asText()).contains(path);
            assertThat(body.has("parameter")).isTrue();
        }
        var anonymous = mapper.readTree(get("/api/no-such-thing", null).body());
        assertThat(anonymous.path("status").asInt()).isEqualTo(401);
        assertThat(anonymous.path("error").asText()).contains("HTTP Basic");
        var missing = get("/api/network/neighbourhood", "admin:" + ADMIN_PASSWORD);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(missing.body()).path("parameter").asText()).isEqualTo("focus");
        var mistyped = get("/api/network/neighbourhood?focus=1&hops=two", "admin:" + ADMIN_PASSWORD);
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(mistyped.body()).path("parameter").asText()).isEqualTo("hops");
        var forbidden = get("/api/audit", "viewer:" + DEMO_PASSWORD);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(forbidden.body()).path("status").asInt()).isEqualTo(403);
        assertThat(get("/api/docs", "admin:" + ADMIN_PASSWORD).statusCode()).as("the OpenAPI document").isEqualTo(200);
        var ui = get("/api/docs/ui", "admin:" + ADMIN_PASSWORD);
        assertThat(ui.statusCode()).as("the OpenAPI page redirects to its resources").isEqualTo(302);
        String page = ui.headers().firstValue("Location").orElseThrow();
        assertThat(get(page.replaceFirst("^https?://[^/]+", ""), "admin:" + ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginPageAndHealthAreOpen() throws Exception {
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
        var health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("graph").path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("graph").has("details"))
                .as("details only for administrators").isFalse();
    }

    @Test
    void theInitialAdminCanLogInWithTheConfiguredPassword() throws Exception {
        assertThat(get("/actuator/info", "admin:" + ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", "admin:wrong-password").statusCode()).isEqualTo(401);
        assertThat(GraphFixtures.count(driver, "MATCH (u:User {username: 'admin'}) RETURN count(u)")).isEqualTo(1);
        assertThat(GraphFixtures.count(driver, """
                MATCH (u:User {username: 'admin'})
                WHERE u.passwordHash STARTS WITH '{aes-gcm}' AND 'ADMIN' IN u.roles AND u.passwordHash <> $plain
                RETURN count(u)""", java.util.Map.of("plain", ADMIN_PASSWORD))).isEqualTo(1);
    }

    @Test
    void theDemoUsersHaveTheirOwnPasswordNotTheAdministrators() throws Exception {
        for (String user : java.util.List.of("manager", "analyst", "viewer", "liaison1", "liaison4")) {
            assertThat(get("/api/reports", user + ":" + DEMO_PASSWORD).statusCode()).as(user).isEqualTo(200);
            assertThat(get("/api/reports", user + ":" + ADMIN_PASSWORD).statusCode()).as(user).isEqualTo(401);
        }
    }

    @Test
    void administratorsSeeTheGraphDetailsInHealth() throws Exception {
        var health = get("/actuator/health", "admin:" + ADMIN_PASSWORD);
        JsonNode graph = new ObjectMapper().readTree(health.body()).path("components").path("graph").path("details");
        assertThat(graph.path("mode").asText()).isEqualTo("embedded");
        assertThat(graph.path("apoc").asText()).startsWith("5.26");
        assertThat(graph.path("gdsProcedures").asLong()).isGreaterThan(100);
        assertThat(graph.path("physicians").asLong()).isGreaterThan(2000);
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
