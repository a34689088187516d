package org.liaisonprm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.SignedIn;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.report.QueryRefusedException;
import org.liaisonprm.report.ReportLibrary;
import org.liaisonprm.report.SavedReports;
import org.liaisonprm.security.ApiTokens;
import org.liaisonprm.security.UserAccounts;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Every audited action leaves exactly one event saying who, when and what.
 */
@DemoGraphTest
class AuditTrailTests {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    AuditTrail audit;

    @Autowired
    ReportLibrary reports;

    @Autowired
    SavedReports saved;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    /** The application's own strategy: the static holder may belong to another test context. */
    @Autowired
    SecurityContextHolderStrategy security;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void signOut() {
        security.clearContext();
    }

    private CurrentUser actAs(String username, String role) {
        return SignedIn.as(security, username, role);
    }

    /** The events of one kind by one user since the test began. */
    private List<AuditEvent> events(AuditType type, String username, long since) {
        return audit.find(new AuditTrail.Filter(null, null, username, type), 1000).stream()
                .filter(e -> e.at().toInstant().toEpochMilli() >= since).toList();
    }

    @Test
    void reportRunsQueriesAndExportsAreRecorded() {
        long since = System.currentTimeMillis() - 1;
        var analyst = actAs("analyst", "ANALYST");
        var result = reports.run("payer-mix", Map.of("by", "facility"), analyst);
        var runs = events(AuditType.REPORT_RUN, "analyst", since);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).target()).isEqualTo("payer-mix");
        assertThat(runs.get(0).detail()).isEqualTo("{\"by\":\"facility\"}");
        assertThat(runs.get(0).rows()).isEqualTo(result.rows().size());
        assertThat(runs.get(0).durationMs()).isNotNull();
        assertThat(runs.get(0).at()).isNotNull();

        reports.query("MATCH (h:HealthSystem) RETURN h.name", Map.of(), null);
        assertThatThrownBy(() -> reports.query("MATCH (n:Physician) DETACH DELETE n", Map.of(), null))
                .isInstanceOf(QueryRefusedException.class);
        var queries = events(AuditType.QUERY_RUN, "analyst", since);
        assertThat(queries).extracting(AuditEvent::target).containsExactly("refused", "ran");
        assertThat(queries.get(0).detail()).startsWith("MATCH (n:Physician) DETACH DELETE n").contains("refused:");
        assertThat(queries.get(1).rows()).isEqualTo(3);

        reports.exported("payer-mix", 12);
        assertThat(events(AuditType.EXPORT, "analyst", since)).singleElement()
                .satisfies(e -> assertThat(e.rows()).isEqualTo(12));
    }

    @Test
    void userSavedReportAndTokenChangesAreRecorded() {
        long since = System.currentTimeMillis() - 1;
        var admin = actAs("admin", "ADMIN");
        users.createUser("audited-user", "Audited", "an-audited-passphrase", List.of(Role.LIAISON));
        users.change("audited-user", "Audited", List.of(Role.LIAISON, Role.VIEWER), true);
        users.resetPassword("audited-user", "a-new-audited-passphrase");
        assertThat(events(AuditType.USER_CREATED, "admin", since)).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("audited-user"));
        assertThat(events(AuditType.USER_CHANGED, "admin", since)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("roles [LIAISON] → [LIAISON, VIEWER];"));
        assertThat(events(AuditType.PASSWORD_CHANGED, "admin", since)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("reset by an administrator"));

        var report = saved.create("// @title Audited report\nRETURN 1 AS one", false, admin);
        saved.update(report.id(), "// @title Audited report\nRETURN 2 AS two", true, admin);
        saved.delete(report.id(), admin);
        for (var type : List.of(AuditType.REPORT_SAVED, AuditType.REPORT_CHANGED, AuditType.REPORT_DELETED)) {
            assertThat(events(type, "admin", since)).as(type.name()).singleElement()
                    .satisfies(e -> assertThat(e.target()).isEqualTo(report.id()));
        }

        var token = tokens.create("admin", "audited token");
        tokens.revoke("admin", token.info().id());
        assertThat(events(AuditType.TOKEN_CREATED, "admin", since)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("audited token"));
        assertThat(events(AuditType.TOKEN_REVOKED, "admin", since)).hasSize(1);
    }

    @Test
    void loginsAndFailuresAreRecordedAndAdministratorsReadTheTrail() throws Exception {
        long since = System.currentTimeMillis() - 1;
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=test-demo-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(events(AuditType.LOGIN, "manager", since)).singleElement()
                .satisfies(e -> assertThat(e.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
        assertThat(api("/api/reports", "viewer", "not-the-password").statusCode()).isEqualTo(401);
        assertThat(events(AuditType.LOGIN_FAILED, "viewer", since)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("BadCredentials"));
        assertThat(api("/api/reports", "viewer", "test-demo-secret").statusCode()).isEqualTo(200);
        assertThat(events(AuditType.LOGIN, "viewer", since)).as("API calls are not logins").isEmpty();

        var trail = api("/api/audit?type=LOGIN_FAILED&user=viewer&from=" + LocalDate.now().minusDays(1), "admin",
                "test-admin-secret");
        assertThat(trail.statusCode()).isEqualTo(200);
        var json = new ObjectMapper().readTree(trail.body());
        assertThat(json.findValuesAsText("type")).isNotEmpty().containsOnly("LOGIN_FAILED");
        assertThat(json.findValuesAsText("username")).containsOnly("viewer");
        assertThat(api("/api/audit", "analyst", "test-demo-secret").statusCode()).isEqualTo(403);
        assertThat(api("/api/audit?from=" + LocalDate.now().plusDays(1), "admin", "test-admin-secret").body())
                .isEqualTo("[]");
    }

    @Test
    void whatAnonymousCallersSendIsStoredCutToLength() throws Exception {
        String huge = "huge-name-" + "x".repeat(50_000);
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + huge + "&password=whatever"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        var stored = GraphFixtures.rows(driver, """
                MATCH (e:AuditEvent {type: 'LOGIN_FAILED'}) WHERE e.username STARTS WITH 'huge-name-'
                RETURN e.username AS username""", Map.of());
        assertThat(stored).singleElement().satisfies(row -> assertThat(row.get("username").asString())
                .hasSize(AuditTrail.MAX_FIELD).startsWith("huge-name-xxx").endsWith("…"));

        audit.record(AuditType.LOGIN_FAILED, "long-fields-" + "u".repeat(100_000), "t".repeat(100_000),
                "d".repeat(100_000), null, null);
        var event = GraphFixtures.rows(driver, """
                MATCH (e:AuditEvent) WHERE e.username STARTS WITH 'long-fields-'
                RETURN size(e.username) AS username, size(e.target) AS target, size(e.detail) AS detail""", Map.of());
        assertThat(event).singleElement().satisfies(row -> {
            assertThat(row.get("username").asInt()).isEqualTo(AuditTrail.MAX_FIELD);
            assertThat(row.get("target").asInt()).isEqualTo(AuditTrail.MAX_FIELD);
            assertThat(row.get("detail").asInt()).isEqualTo(AuditTrail.MAX_DETAIL);
        });
        assertThat(AuditTrail.cut("a\uD83D\uDE00".repeat(10), 6)).as("no half of a surrogate pair is kept")
                .isEqualTo("a\uD83D\uDE00a…");
    }

    @Test
    void theTrailCannotBeChangedThroughCypherAndOldEventsExpire() {
        actAs("analyst", "ANALYST");
        long before = GraphFixtures.count(driver, "MATCH (e:AuditEvent) RETURN count(e)");
        assertThatThrownBy(() -> reports.query("MATCH (e:AuditEvent) DETACH DELETE e", Map.of(), null))
                .isInstanceOf(QueryRefusedException.class);
        assertThat(GraphFixtures.count(driver, "MATCH (e:AuditEvent) RETURN count(e)")).isEqualTo(before + 1);

        GraphFixtures.run(driver, "CREATE (:AuditEvent {id: 'ancient', at: datetime() - duration('P500D'), type: 'LOGIN'})");
        assertThat(audit.purge()).isEqualTo(1);
        assertThat(GraphFixtures.count(driver, "MATCH (e:AuditEvent {id: 'ancient'}) RETURN count(e)")).isZero();
    }

    private HttpResponse<String> api(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
