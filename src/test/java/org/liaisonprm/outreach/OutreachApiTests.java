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
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outreach API on the demo region over real HTTP: scoping by territory, logging with refusals that
 * name the field, editing someone else's interaction refused, the plan as iCalendar.
 */
@DemoGraphTest
class OutreachApiTests {

    private static final String PASSWORD = "test-demo-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void territoriesAndTargetsAreScopedToTheCaller() throws Exception {
        JsonNode mine = JSON.readTree(send("GET", "/api/territories", null, "liaison1").body());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asText()).isEqualTo("south-shore");
        assertThat(JSON.readTree(send("GET", "/api/territories", null, "manager").body())).hasSize(5);

        var targets = send("GET", "/api/territories/south-shore/targets?limit=5", null, "liaison1");
        assertThat(targets.statusCode()).isEqualTo(200);
        JsonNode rows = JSON.readTree(targets.body());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(rows.get(4).get("score").asDouble());
        assertThat(rows.get(0).get("explanation").asText()).contains("influence");
        assertThat(send("GET", "/api/territories/north-shore/targets", null, "liaison1").statusCode()).isEqualTo(404);
        var badSegment = send("GET", "/api/territories/south-shore/targets?segment=GOLD", null, "liaison1");
        assertThat(badSegment.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badSegment.body()).get("parameter").asText()).isEqualTo("segment");
    }

    @Test
    void loggingAnInteractionAnswers201AndRefusalsNameTheField() throws Exception {
        String physician = GraphFixtures.rows(driver, """
                MATCH (t:Territory {id: 'south-shore'}) MATCH (p:Physician) WHERE p.zip IN t.zips
                RETURN p.id AS id ORDER BY p.id LIMIT 1
                """, java.util.Map.of()).get(0).get("id").asString();
        String body = """
                {"physicianId": "%s", "type": "PHONE_CALL", "date": "%s", "reached": "OFFICE_STAFF",
                 "notes": "Asked for the new ortho fax line", "followUpDate": "%s"}
                """.formatted(physician, LocalDate.now(), LocalDate.now().plusDays(10));
        var created = send("POST", "/api/interactions", body, "liaison1");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode saved = JSON.readTree(created.body());
        assertThat(saved.get("username").asText()).isEqualTo("liaison1");
        assertThat(saved.get("targetId").asText()).isEqualTo(physician);
        String id = saved.get("id").asText();

        var future = send("POST", "/api/interactions", body.replace("\"date\": \"" + LocalDate.now(),
                "\"date\": \"" + LocalDate.now().plusDays(3)), "liaison1");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(future.body()).get("parameter").asText()).isEqualTo("date");
        var unknown = send("POST", "/api/interactions", body.replace(physician, "1999999999"), "liaison1");
        assertThat(JSON.readTree(unknown.body()).get("parameter").asText()).isEqualTo("physicianId");
        var badType = send("POST", "/api/interactions", body.replace("PHONE_CALL", "CARRIER_PIGEON"), "liaison1");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badType.body()).get("parameter").asText()).isEqualTo("type");

        String change = body.replace("Asked for", "Changed:");
        assertThat(send("PUT", "/api/interactions/" + id, change, "liaison2").statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/interactions/" + id, change, "manager").statusCode()).isEqualTo(403);
        var changed = send("PUT", "/api/interactions/" + id, change, "liaison1");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("notes").asText()).startsWith("Changed:");

        // liaison2 does not see liaison1's interaction; the manager does
        assertThat(send("GET", "/api/interactions?physicianId=" + physician, null, "liaison2").body()).doesNotContain(id);
        assertThat(send("GET", "/api/interactions?physicianId=" + physician, null, "manager").body()).contains(id);
    }

    @Test
    void plansComeAsJsonAndICalendar() throws Exception {
        JsonNode plans = JSON.readTree(send("GET", "/api/plans", null, "liaison2").body());
        assertThat(plans).isNotEmpty();
        JsonNode plan = plans.get(0);
        int stops = plan.get("stops").size();
        assertThat(stops).as("the demo plans up to five visits in the days left this week").isBetween(4, 5);
        var ics = send("GET", "/api/plans/" + plan.get("id").asText() + ".ics", null, "liaison2");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics.body()))
                .getComponents(net.fortuna.ical4j.model.Component.VEVENT)).hasSize(stops);
        assertThat(send("GET", "/api/plans/" + plan.get("id").asText() + ".ics", null, "liaison1").statusCode()).isEqualTo(404);
    }
}
