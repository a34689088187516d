package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.demo.DemoProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/network/neighbourhood} on the demo region, over real HTTP.
 */
@DemoGraphTest
class NetworkApiTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoProperties demo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void drawsTheBrokersNeighbourhoodWithFiltersLimitsAndCommunities() throws Exception {
        String broker = GeneratedDemoRegion.of(demo)
                .planted().chainLeakageBrokerId();
        var one = JSON.readTree(get("/api/network/neighbourhood?focus=" + broker).body());
        var two = JSON.readTree(get("/api/network/neighbourhood?focus=" + broker + "&hops=2").body());
        assertThat(one.path("focusId").asText()).isEqualTo(broker);
        assertThat(one.path("nodes").get(0).path("id").asText()).as("the focus comes first").isEqualTo(broker);
        assertThat(two.path("nodes").size()).isGreaterThan(one.path("nodes").size());
        assertThat(two.path("nodes").size()).isLessThanOrEqualTo(500);

        var ids = new HashSet<String>();
        two.path("nodes").forEach(n -> ids.add(n.path("id").asText()));
        for (JsonNode edge : two.path("edges")) {
            assertThat(ids).as("every flow joins drawn nodes").contains(edge.path("source").asText(),
                    edge.path("target").asText());
        }

        var capped = JSON.readTree(get("/api/network/neighbourhood?focus=" + broker + "&hops=2&maxNodes=10").body());
        assertThat(capped.path("nodes").size()).isEqualTo(10);
        assertThat(capped.path("truncated").asBoolean()).isTrue();

        var cardiology = JSON.readTree(get("/api/network/neighbourhood?focus=" + broker
                + "&serviceLine=Cardiology&from=2026-01&to=2026-06&minReferrals=3&network=OUT&colorBy=community").body());
        assertThat(cardiology.path("nodes").size()).isGreaterThan(1);
        assertThat(cardiology.path("from").asText()).isEqualTo("2026-01-01");
        assertThat(cardiology.path("to").asText()).as("to is the last month drawn").isEqualTo("2026-07-01");
        cardiology.path("nodes").forEach(n -> {
            if (!n.path("id").asText().equals(broker)) {
                assertThat(n.path("network").asText()).isEqualTo("OUT");
            }
        });
        for (JsonNode edge : cardiology.path("edges")) {
            if (edge.path("type").asText().equals("REFERRED")) {
                assertThat(edge.path("referrals").asLong()).isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(cardiology.path("communities").size()).as("a community for every node with flows").isPositive();

        // grouped by health system: fewer nodes, the same referrals between what is drawn and inside the groups
        var grouped = JSON.readTree(get("/api/network/neighbourhood?focus=" + broker + "&hops=2&group=system").body());
        var groups = new java.util.ArrayList<JsonNode>();
        grouped.path("nodes").forEach(n -> {
            if (n.path("kind").asText().equals("GROUP")) {
                groups.add(n);
            }
        });
        assertThat(groups).isNotEmpty();
        assertThat(grouped.path("nodes").size()).isLessThan(two.path("nodes").size());
        assertThat(groups.get(0).path("group").isTextual()).as("a group's key is text").isTrue();
        assertThat(groups.get(0).path("members").asInt()).isGreaterThan(1);
        String key = groups.get(0).path("group").asText();
        var opened = JSON.readTree(get("/api/network/neighbourhood?focus=" + broker + "&hops=2&group=system&open="
                + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(opened.path("nodes").size()).isEqualTo(grouped.path("nodes").size() - 1
                + groups.get(0).path("members").asInt());
        assertBad("/api/network/neighbourhood?focus=" + broker + "&group=zip", "group");
    }

    @Test
    void badParametersAreNamed() throws Exception {
        assertBad("/api/network/neighbourhood?focus=229011&hops=3", "hops");
        assertBad("/api/network/neighbourhood?focus=229011&from=2026-13", "from");
        assertBad("/api/network/neighbourhood?focus=229011&direction=sideways", "direction");
        assertBad("/api/network/neighbourhood?focus=229011&network=ELSEWHERE", "network");
        assertBad("/api/network/neighbourhood?focus=229011&maxNodes=5000", "maxNodes");
        assertBad("/api/network/neighbourhood?focus=229011&from=2026-05&to=2026-01", "from");
        assertThat(get("/api/network/neighbourhood?focus=no-such-node").statusCode()).isEqualTo(404);
    }

    private void assertBad(String path, String parameter) throws Exception {
        var response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("parameter").asText()).as(path).isEqualTo(parameter);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("viewer:test-demo-secret".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
