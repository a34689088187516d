package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.security.UserAccounts;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /api/imports} over real HTTP: an administrator uploads the NPPES sample, follows the import to its
 * end and downloads the 13 refused rows; other roles are turned away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "liaison.demo.enabled=false")
@ActiveProfiles("test")
class ImportApiTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "liaison-test-boundary";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    UserAccounts users;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportReports reports;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAdministratorImportsAFileAndDownloadsItsErrorReport() throws Exception {
        Imports.clear(driver);
        byte[] nppes = Files.readAllBytes(Imports.sample("nppes.csv"));
        var started = http.send(post("admin", "test-admin-secret", nppes, Map.of("format", "auto", "state", "MA")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("id").asText();
        assertThat(started.headers().firstValue("Location")).contains("/api/imports/" + id);

        JsonNode done = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(
                () -> JSON.readTree(get("/api/imports/" + id).body()), s -> s.path("status").asText().equals("DONE"));
        assertThat(done.path("format").asText()).isEqualTo("nppes");
        assertThat(done.path("file").asText()).isEqualTo("nppes.csv");
        assertThat(done.path("username").asText()).isEqualTo("admin");
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.path("summary").path("imported").asLong()).isEqualTo(35);
        assertThat(done.path("summary").path("skipped").asLong()).isEqualTo(12);
        assertThat(done.path("summary").path("refused").asLong()).isEqualTo(13);
        assertThat(GraphFixtures.count(driver, "MATCH (p:Physician) RETURN count(p)")).isEqualTo(32);

        var report = get("/api/imports/" + id + "/errors.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        List<String> lines = report.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("file,line,column,value,reason");
        assertThat(lines).hasSize(14).contains("nppes.csv,5,NPI,1319487572,NPI check digit is wrong");
        // the error report is kept in the data directory; the upload is removed once its import ended
        assertThat(jobs.errorReport(id)).contains(reports.directory().resolve(id + ".csv"));
        try (var left = Files.list(reports.directory())) {
            assertThat(left.map(path -> path.getFileName().toString())).contains(id + ".csv")
                    .noneMatch(name -> name.startsWith("nppes"));
        }

        assertThat(get("/api/imports/no-such-import").statusCode()).isEqualTo(404);
        assertThat(GraphFixtures.count(driver, "MATCH (e:AuditEvent {type: 'IMPORT', username: 'admin', target: 'nppes.csv'}) "
                + "RETURN count(e)")).isEqualTo(1);
    }

    @Test
    void badOptionsAreRefusedAndOtherRolesTurnedAway() throws Exception {
        var badPeriod = http.send(post("admin", "test-admin-secret", "x\n".getBytes(StandardCharsets.UTF_8),
                Map.of("format", "hop-teaming", "period", "last year")), HttpResponse.BodyHandlers.ofString());
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("--period must be a year");

        if (users.find("analyst-for-imports").isEmpty()) {
            users.create("analyst-for-imports", "a-long-analyst-passphrase", "Analyst", List.of("ANALYST"));
        }
        var refused = http.send(post("analyst-for-imports", "a-long-analyst-passphrase", "x\n".getBytes(StandardCharsets.UTF_8),
                Map.of("format", "auto")), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        var anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("admin", "test-admin-secret")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String user, String password, byte[] file, Map<String, String> fields) {
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"nppes.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n");
        byte[] head = body.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(file, 0, all, head.length, file.length);
        System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
