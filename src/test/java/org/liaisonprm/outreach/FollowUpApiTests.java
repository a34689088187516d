package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.demo.DemoProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Alerts, tasks and the digest over real HTTP on the demo region: alerts name their physician, a liaison's are
 * those of her territory, tasks are created and changed by their owner only, refusals name the field, and the
 * digest cannot be sent without a mail server.
 */
@DemoGraphTest
class FollowUpApiTests {

    private static final String PASSWORD = "test-demo-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoProperties demo;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
        return send(method, path, body, user, PASSWORD);
    }

    @Test
    void alertsNameTheirPhysicianAndAreScopedToTheCallersTerritories() throws Exception {
        String whitfield = GeneratedDemoRegion.of(demo).planted().collapsedReferrerId();
        JsonNode mine = JSON.readTree(send("GET", "/api/alerts?kind=DRIFTING_REFERRER", null, "liaison4").body());
        assertThat(mine.findValuesAsText("physicianId")).contains(whitfield);
        JsonNode hers = null;
        for (JsonNode a : mine) {
            if (a.get("physicianId").asText().equals(whitfield)) {
                hers = a;
            }
        }
        assertThat(hers.get("kind").asText()).isEqualTo("DRIFTING_REFERRER");
        assertThat(hers.get("status").asText()).isEqualTo("OPEN");
        assertThat(hers.get("figures")).isNotEmpty();
        assertThat(hers.get("reason").asText()).contains("Eleanor Whitfield");
        JsonNode other = JSON.readTree(send("GET", "/api/alerts?kind=DRIFTING_REFERRER", null, "liaison1").body());
        assertThat(other.findValuesAsText("physicianId")).doesNotContain(whitfield);

        var badKind = send("GET", "/api/alerts?kind=PANIC", null, "liaison1");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badKind.body()).get("parameter").asText()).isEqualTo("kind");
        assertThat(send("POST", "/api/alerts/" + hers.get("id").asText() + "/dismiss", "{\"reason\": \"not mine\"}", "liaison1")
                .statusCode()).isEqualTo(404);
        var noReason = send("POST", "/api/alerts/" + hers.get("id").asText() + "/dismiss", "{}", "liaison4");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("parameter").asText()).isEqualTo("reason");
        assertThat(send("GET", "/api/alerts", null, "viewer").statusCode()).isEqualTo(403);
    }

    @Test
    void aTaskIsCreatedAndChangedByItsOwnerOnly() throws Exception {
        String whitfield = GeneratedDemoRegion.of(demo).planted().collapsedReferrerId();
        String body = """
                {"physicianId": "%s", "title": "Scheduling line unanswered", "due": "%s", "notes": "Rang twice"}
                """.formatted(whitfield, LocalDate.now().plusDays(3));
        var created = send("POST", "/api/tasks", body, "liaison4");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode task = JSON.readTree(created.body());
        assertThat(task.get("physicianId").asText()).isEqualTo(whitfield);
        assertThat(task.get("status").asText()).isEqualTo("OPEN");
        assertThat(task.get("owner").asText()).isEqualTo("liaison4");
        String id = task.get("id").asText();

        assertThat(send("PUT", "/api/tasks/" + id, "{\"status\": \"DONE\"}", "liaison1").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/tasks/" + id, "{\"status\": \"DONE\"}", "manager").statusCode()).isEqualTo(403);
        var waiting = send("PUT", "/api/tasks/" + id, "{\"status\": \"WAITING\"}", "liaison4");
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(waiting.body()).get("status").asText()).isEqualTo("WAITING");
        assertThat(JSON.readTree(waiting.body()).get("notes").asText()).isEqualTo("Rang twice");
        assertThat(JSON.readTree(send("GET", "/api/tasks", null, "manager").body()).findValuesAsText("id")).contains(id);
        assertThat(JSON.readTree(send("GET", "/api/tasks", null, "liaison1").body()).findValuesAsText("id")).doesNotContain(id);

        var badDue = send("POST", "/api/tasks", body.replace(LocalDate.now().plusDays(3).toString(), "next week"), "liaison4");
        assertThat(badDue.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDue.body()).get("parameter").asText()).isEqualTo("due");
        var noTitle = send("POST", "/api/tasks", "{\"physicianId\": \"" + whitfield + "\"}", "liaison4");
        assertThat(JSON.readTree(noTitle.body()).get("parameter").asText()).isEqualTo("title");
        var badStatus = send("PUT", "/api/tasks/" + id, "{\"status\": \"FORGOTTEN\"}", "liaison4");
        assertThat(JSON.readTree(badStatus.body()).get("parameter").asText()).isEqualTo("status");
        assertThat(send("POST", "/api/tasks", body, "analyst").statusCode()).isEqualTo(403);
    }

    @Test
    void theDigestIsNotSentWithoutAMailServer() throws Exception {
        var refused = send("POST", "/api/digests", null, "admin", "test-admin-secret");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("spring.mail.host");
        assertThat(send("POST", "/api/digests", null, "manager").statusCode()).isEqualTo(403);
    }
}
