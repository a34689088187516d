package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.security.UserAccounts;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report API over real HTTP with HTTP Basic, on the demo region.
 */
@DemoGraphTest
class ReportApiTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    UserAccounts users;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsTheLibraryWithTypedParameters() throws Exception {
        var response = send("GET", "/api/reports", null, true);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reports = JSON.readTree(response.body());
        assertThat(reports.findValuesAsText("id")).contains("leakage-by-service-line", "influential-referrers");
        JsonNode payerMix = find(reports, "payer-mix");
        assertThat(payerMix.path("category").asText()).isEqualTo("Market");
        assertThat(payerMix.path("view").asText()).isEqualTo("bar");
        JsonNode by = payerMix.path("parameters").get(2);
        assertThat(by.path("name").asText()).isEqualTo("by");
        assertThat(by.path("type").asText()).isEqualTo("enum(healthSystem|facility)");
        assertThat(by.path("defaultValue").asText()).isEqualTo("healthSystem");
        assertThat(by.path("choices").findValuesAsText("value")).containsExactly("healthSystem", "facility");
        JsonNode serviceLine = find(reports, "top-leaking-physicians").path("parameters").get(3);
        assertThat(serviceLine.path("choices").findValuesAsText("value")).contains("Orthopedics", "Cardiology");
    }

    @Test
    void runsAReportAsJsonAndAsCsv() throws Exception {
        var response = send("POST", "/api/reports/leakage-by-service-line/run",
                "{\"params\": {\"includeAffiliated\": false}}", true);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("columns").toString())
                .isEqualTo("[\"serviceLine\",\"referrals\",\"kept\",\"leaked\",\"leakageRate\",\"revenueAtRisk\"]");
        assertThat(result.path("rows").size()).isGreaterThanOrEqualTo(8);
        assertThat(result.path("truncated").asBoolean()).isFalse();
        assertThat(result.has("elapsedMs")).isTrue();

        var csv = send("GET", "/api/reports/leakage-by-service-line/run.csv?includeAffiliated="
                + URLEncoder.encode("false", StandardCharsets.UTF_8), null, true);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        // people's words in the file, the machine names in the JSON and the report's description
        assertThat(csv.body()).startsWith("Service line,Referrals,Kept in network,Leaked,Leakage rate (%),Revenue at risk ($)\r\n");
        assertThat(csv.body()).doesNotContainPattern("\\d[eE][+-]?\\d");
        var described = JSON.readTree(send("GET", "/api/reports/leakage-by-service-line", null, true).body());
        assertThat(described.path("columns").findValuesAsText("name")).containsExactly("serviceLine", "referrals",
                "kept", "leaked", "leakageRate", "revenueAtRisk");
        assertThat(described.path("columns").findValuesAsText("format")).contains("percent", "currency");
        assertThat(csv.body().split("\r\n")).hasSize(result.path("rows").size() + 1);
    }

    @Test
    void badParametersAnswer400NamingTheParameter() throws Exception {
        var response = send("POST", "/api/reports/lost-referrers/run", "{\"params\": {\"months\": \"three\"}}", true);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("parameter").asText()).isEqualTo("months");
        assertThat(error.path("error").asText()).isEqualTo("months: must be a whole number, not 'three'");

        assertThat(send("POST", "/api/reports/lost-referrers/run", "{\"params\": {\"weeks\": 3}}", true).statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/api/reports/payer-mix/run.csv?by=zip", null, true).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/reports/no-such-report/run", "{}", true).statusCode()).isEqualTo(404);
    }

    @Test
    void adHocQueriesReadAndEveryEscapeIsRefused() throws Exception {
        var ok = send("POST", "/api/query", JSON.writeValueAsString(Map.of(
                "cypher", "MATCH (p:Physician {network: $network}) RETURN count(p) AS n",
                "params", Map.of("network", "IN"))), true);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("rows").get(0).get(0).asLong()).isPositive();

        String before = fingerprint();
        for (String attempt : AdHocQueryTests.ATTEMPTS) {
            var refused = send("POST", "/api/query", JSON.writeValueAsString(Map.of("cypher", attempt)), true);
            assertThat(refused.statusCode()).as(attempt).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("error").asText()).as(attempt).isNotBlank();
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theApiNeedsLoginAndIsDescribedWithOpenApi() throws Exception {
        assertThat(send("GET", "/api/reports", null, false).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/query", "{\"cypher\": \"RETURN 1\"}", false).statusCode()).isEqualTo(401);
        var docs = send("GET", "/api/docs", null, true);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode openApi = JSON.readTree(docs.body());
        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        assertThat(openApi.path("paths").has("/api/reports/{id}/run")).isTrue();
        assertThat(openApi.path("paths").has("/api/query")).isTrue();
    }

    private String fingerprint() {
        return GraphFixtures.rows(driver, """
                MATCH (n) WHERE NOT n:AuditEvent WITH count(n) AS nodes, count(DISTINCT labels(n)) AS labelSets
                MATCH ()-[r]->() WITH nodes, labelSets, count(r) AS rels, sum(coalesce(r.referrals, 0)) AS referrals
                RETURN nodes, labelSets, rels, referrals
                """, Map.of()).get(0).toString();
    }

    private static JsonNode find(JsonNode reports, String id) {
        for (JsonNode report : reports) {
            if (report.path("id").asText().equals(id)) {
                return report;
            }
        }
        throw new AssertionError("no report " + id);
    }

    @Test
    void analystsSaveChangeAndDeleteReportsOthersOnlyRunShared() throws Exception {
        for (var user : List.of(List.of("api-analyst", "ANALYST"), List.of("api-liaison", "LIAISON"))) {
            if (users.find(user.get(0)).isEmpty()) {
                users.create(user.get(0), "secret-" + user.get(0), user.get(0), List.of(user.get(1)));
            }
        }
        String source = "// @title Physicians in a city\n// @category Market\n// @param city: string = Quincy\n"
                + "MATCH (p:Physician {city: $city}) RETURN count(p) AS physicians";
        var created = send("POST", "/api/reports", JSON.writeValueAsString(Map.of("source", source)), "api-analyst");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode report = JSON.readTree(created.body());
        String id = report.path("id").asText();
        assertThat(id).startsWith("physicians-in-a-city");
        assertThat(report.path("saved").path("owner").asText()).isEqualTo("api-analyst");
        assertThat(report.path("saved").path("shared").asBoolean()).isFalse();

        assertThat(send("POST", "/api/reports/" + id + "/run", "{}", "api-liaison").statusCode())
                .as("private to its owner").isEqualTo(404);
        assertThat(send("POST", "/api/reports", JSON.writeValueAsString(Map.of("source", source)), "api-liaison")
                .statusCode()).isEqualTo(403);
        var run = JSON.readTree(send("POST", "/api/reports/" + id + "/run", "{\"params\": {\"city\": \"Quincy\"}}",
                "api-analyst").body());
        assertThat(run.path("rows").get(0).get(0).asLong()).isEqualTo(
                GraphFixtures.count(driver, "MATCH (p:Physician {city: 'Quincy'}) RETURN count(p)"));

        var shared = send("PUT", "/api/reports/" + id,
                JSON.writeValueAsString(Map.of("source", source.replace("Quincy", "Brockton"), "shared", true)),
                "api-analyst");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        assertThat(JSON.readTree(shared.body()).path("saved").path("version").asInt()).isEqualTo(2);
        assertThat(send("GET", "/api/reports/" + id + "/run.csv", null, "api-liaison").body())
                .startsWith("physicians\r\n");
        var versions = JSON.readTree(send("GET", "/api/reports/" + id + "/versions", null, "api-liaison").body());
        assertThat(versions.findValuesAsText("version")).containsExactly("1");
        assertThat(send("DELETE", "/api/reports/" + id, null, "api-liaison").statusCode()).isEqualTo(403);

        var refused = send("PUT", "/api/reports/" + id,
                JSON.writeValueAsString(Map.of("source", "// @title Wipe\nMATCH (n) DETACH DELETE n")), "api-analyst");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isNotBlank();

        assertThat(send("DELETE", "/api/reports/" + id, null, "api-analyst").statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/reports/" + id, null, "api-analyst").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String body, boolean asAdmin) throws Exception {
        return send(method, path, body, asAdmin ? "admin" : null);
    }

    private HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            String password = user.equals("admin") ? "test-admin-secret" : "secret-" + user;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
