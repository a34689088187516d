package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.GraphProperties;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Error reports of imports started from the page or the API live in {@code <data-dir>/import-reports/}: written
 * there from the start, found after a restart, removed with their import when it leaves the history (the audit
 * retention, 400 days here) and when their import is gone, and never reached through an id of another form.
 * <p>
 * The worked file: three physicians, the first one valid, the second with a wrong check digit (1234567893
 * is the valid one), the third with five digits; so 1 imported and 2 refused, on lines 3 and 4.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "liaison.demo.enabled=false")
@ActiveProfiles("test")
class ImportReportsTests {

    private static final String PHYSICIANS = """
            npi,first_name,last_name
            1234567893,Physician,One
            1234567890,Wrong,Check
            12345,Too,Short
            """;
    private static final List<String> REPORT = List.of(
            "file,line,column,value,reason",
            "doctors.csv,3,npi,1234567890,NPI check digit is wrong",
            "doctors.csv,4,npi,12345,\"NPI must have 10 digits, not 5\"");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Graph graph;

    @Autowired
    Importer importer;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportReports reports;

    @Autowired
    GraphProperties graphProperties;

    @Autowired
    ImportApi api;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clear() {
        Imports.clear(driver);
    }

    @Test
    void anImportWithRefusedRowsWritesItsReportInTheDataDirectory() throws Exception {
        Path upload = jobs.keep("doctors.csv", new ByteArrayInputStream(PHYSICIANS.getBytes(StandardCharsets.UTF_8)));
        String id = jobs.start(ImportFormat.AUTO, upload, "doctors.csv", ImportOptions.parse(Map.of()), "admin");
        ImportStatus done = finished(jobs, id);

        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.summary().imported()).isEqualTo(1);
        assertThat(done.summary().refused()).isEqualTo(2);
        Path report = reports.directory().resolve(id + ".csv");
        assertThat(reports.directory()).isEqualTo(dataDirectory().resolve("import-reports"));
        assertThat(jobs.errorReport(id)).contains(report);
        assertThat(Files.readAllLines(report, StandardCharsets.UTF_8)).isEqualTo(REPORT);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(upload).as("the upload goes when its import ends").doesNotExist();
            assertThat(upload.getParent()).as("and so does its folder").doesNotExist();
        });
    }

    @Test
    void theReportOfAnImportOfAnEarlierProcessIsDownloadedAfterARestart() throws Exception {
        var earlier = new ImportJobs(importer, graph, reports);
        String id;
        try {
            Path upload = earlier.keep("doctors.csv", new ByteArrayInputStream(PHYSICIANS.getBytes(StandardCharsets.UTF_8)));
            id = earlier.start(ImportFormat.AUTO, upload, "doctors.csv", ImportOptions.parse(Map.of()), "admin");
            assertThat(finished(earlier, id).summary().refused()).isEqualTo(2);
        } finally {
            earlier.stop();
        }
        String written = Files.readString(reports.directory().resolve(id + ".csv"), StandardCharsets.UTF_8);

        // the server's queue never ran this import: the history and the data directory are all it has
        var later = new ImportJobs(importer, graph, reports);
        try {
            assertThat(later.errorReport(id)).contains(reports.directory().resolve(id + ".csv"));
        } finally {
            later.stop();
        }
        var status = get("/api/imports/" + id);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"DONE\"");
        var download = get("/api/imports/" + id + "/errors.csv");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(download.body()).isEqualTo(written);
        assertThat(download.body().lines().toList()).isEqualTo(REPORT);
    }

    @Test
    void importsOlderThanTheRetentionLeaveTheHistoryWithTheirReports() throws Exception {
        String old = UUID.randomUUID().toString();
        String oldButRunning = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String orphan = UUID.randomUUID().toString();
        GraphFixtures.run(driver, """
                CREATE (:ImportRun {id: $old, status: 'DONE', refused: 2, startedAt: datetime() - duration('P401D')})
                CREATE (:ImportRun {id: $oldButRunning, status: 'RUNNING', startedAt: datetime() - duration('P401D')})
                CREATE (:ImportRun {id: $recent, status: 'DONE', refused: 2, startedAt: datetime() - duration('P399D')})
                """, Map.of("old", old, "oldButRunning", oldButRunning, "recent", recent));
        for (String id : List.of(old, oldButRunning, recent, orphan)) {
            report(id);
        }
        Path notAReport = Files.writeString(reports.directory().resolve("notes.txt"), "kept");

        assertThat(reports.purge()).isEqualTo(1);

        assertThat(reports.directory().resolve(old + ".csv")).doesNotExist();
        assertThat(reports.directory().resolve(orphan + ".csv")).doesNotExist();
        assertThat(reports.directory().resolve(oldButRunning + ".csv")).exists();
        assertThat(reports.directory().resolve(recent + ".csv")).exists();
        assertThat(notAReport).as("only reports are removed").exists();
        assertThat(GraphFixtures.rows(driver, "MATCH (i:ImportRun) RETURN i.id AS id", Map.of()).stream()
                .map(r -> r.get("id").asString())).containsExactlyInAnyOrder(oldButRunning, recent);
        assertThat(jobs.errorReport(old)).isEmpty();
        assertThat(jobs.errorReport(recent)).isPresent();
        assertThat(get("/api/imports/" + old + "/errors.csv").statusCode()).isEqualTo(404);
        Files.delete(notAReport);
    }

    @Test
    void aReportWhoseImportIsGoneIsRemovedWhenTheServerStarts() throws Exception {
        String kept = UUID.randomUUID().toString();
        String orphan = UUID.randomUUID().toString();
        GraphFixtures.run(driver, "CREATE (:ImportRun {id: $id, status: 'DONE', startedAt: datetime()})", Map.of("id", kept));
        report(kept);
        report(orphan);

        new ImportJobs(importer, graph, reports).stop();

        assertThat(reports.directory().resolve(orphan + ".csv")).doesNotExist();
        assertThat(reports.directory().resolve(kept + ".csv")).exists();
    }

    @Test
    void anIdOfAnotherFormReachesNoFile() throws Exception {
        String id = UUID.randomUUID().toString();
        GraphFixtures.run(driver, "CREATE (:ImportRun {id: $id, status: 'DONE', refused: 1, startedAt: datetime()})",
                Map.of("id", id));
        Path report = report(id);
        String noRun = UUID.randomUUID().toString();
        report(noRun);
        Path outside = Files.writeString(dataDirectory().resolve("outside.csv"), "secret");
        // a history record with a hostile id must not lead anywhere either
        GraphFixtures.run(driver, "CREATE (:ImportRun {id: '../outside', status: 'DONE', startedAt: datetime()})");
        try {
            assertThat(jobs.errorReport(id)).as("the genuine one").contains(report);
            for (String hostile : List.of("../outside", "../../etc/passwd", "..", ".", "%2e%2e", "%2e%2e%2foutside",
                    "/etc/passwd", report.toString(), reports.directory() + "/" + id, id + ".csv", id.toUpperCase(),
                    id + "/../" + id, " " + id, id + "\n", "", noRun)) {
                assertThat(jobs.errorReport(hostile)).as(hostile).isEmpty();
            }
            assertThat(jobs.errorReport((String) null)).isEmpty();

            assertThat(get("/api/imports/" + noRun + "/errors.csv").statusCode()).as("a report with no import").isEqualTo(404);
            assertThat(get("/api/imports/not-an-import/errors.csv").statusCode()).isEqualTo(404);
            assertThat(get("/api/imports/" + id.toUpperCase() + "/errors.csv").statusCode()).isEqualTo(404);
            assertThat(get("/api/imports/" + id + ".csv/errors.csv").statusCode()).isEqualTo(404);
            // Encoded dots and slashes never reach the endpoint: Tomcat answers an encoded slash with 400, and
            // Spring Security's firewall turns away an encoded dot (its error page sends to the login)
            for (String encoded : List.of("%2e%2e", "..%2Foutside", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2Fetc%2Fpasswd")) {
                var answer = get("/api/imports/" + encoded + "/errors.csv");
                assertThat(answer.statusCode()).as(encoded).isIn(302, 400, 404);
                assertThat(answer.body()).as(encoded).doesNotContain("secret");
            }
            // were they decoded and handed to it, the endpoint would answer 404 (ApiErrors maps NoSuchElementException)
            for (String hostile : List.of("..", "../outside", "../../etc/passwd", "/etc/passwd", report.toString(), noRun)) {
                assertThatThrownBy(() -> api.errors(hostile)).as(hostile).isInstanceOf(NoSuchElementException.class);
            }
            assertThat(api.errors(id).getStatusCode().value()).isEqualTo(200);
        } finally {
            Files.delete(outside);
        }
    }

    private Path report(String id) throws Exception {
        Path report = reports.reportFor(id);
        Files.writeString(report, String.join("\r\n", REPORT) + "\r\n", StandardCharsets.UTF_8);
        return report;
    }

    private Path dataDirectory() {
        return graphProperties.dataDir().toAbsolutePath().normalize();
    }

    private static ImportStatus finished(ImportJobs queue, String id) {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> queue.status(id).orElseThrow(), ImportStatus::finished);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:test-admin-secret".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
