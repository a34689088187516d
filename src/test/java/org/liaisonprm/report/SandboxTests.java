package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.security.ApiTokens;
import org.liaisonprm.security.UserAccounts;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sandbox of user-written Cypher, attacked over real HTTP as an analyst and as an administrator: every
 * hostile statement is refused with a 400 that says why, or answers without a single secret value, and the
 * graph, the GDS projections and the file system are as they were. The graph holds application data with
 * known secrets: password hashes, an API token, outreach notes, another user's private report and the audit
 * trail. Limits of time, memory and concurrency are the server's, whatever the request asks for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liaison.demo.enabled=false",
        "liaison.reports.timeout=4s",
        "liaison.graph.settings[db.memory.transaction.max]=256m"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "test-admin-secret";
    private static final String ANALYST_PASSWORD = "quiet-harbour-lamp-93";
    private static final String NOTE = "SECRET-NOTE-7731 patient mentioned";
    private static final String PRIVATE_REPORT = "SECRET-REPORT-4410";
    private static final Path EXPORTED = Path.of(System.getProperty("java.io.tmpdir"), "liaison-hostile-export.csv");

    /** Statements that try to read application data, files or nested Cypher, to write, or to outlast limits. */
    static final List<String> HOSTILE = List.of(
            // application data by label
            "MATCH (u:User) RETURN u.username, u.passwordHash",
            "MATCH (u:User) RETURN u",
            "MATCH (t:ApiToken) RETURN t.hash",
            "MATCH (u:User)-[:HAS_TOKEN]->(t) RETURN t",
            "MATCH (a:AuditEvent) RETURN a.detail, a.username",
            "MATCH (i:Interaction) RETURN i.notes",
            "MATCH (s:SavedReport) RETURN s",
            "MATCH (s:SavedReport)-[:PREVIOUS_VERSION]->(v) RETURN v.source",
            "MATCH (r:ImportRun) RETURN r.file, r.username",
            "MATCH (v:VisitPlan) RETURN v",
            "MATCH (g:Goal) RETURN g",
            "MATCH (m:SchemaMigration) RETURN m",
            "MATCH (n:`User`) RETURN n.passwordHash",
            "MATCH (n:Physician|User) RETURN n",
            "MATCH (n:Physician&User) RETURN n",
            "MATCH (n:Physician) WHERE n:User RETURN n",
            "MATCH (n:Physician:User) RETURN n",
            // label-free and dynamic forms
            "MATCH (n) RETURN n",
            "MATCH (n) RETURN properties(n)",
            "MATCH (n) UNWIND keys(n) AS k RETURN n[k]",
            "MATCH (n) RETURN n{.*}",
            "MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN n.passwordHash",
            "MATCH (n {username: 'admin'}) RETURN n",
            "OPTIONAL MATCH (n) RETURN n",
            "MATCH (n:!Physician) RETURN n",
            "MATCH (n:%) RETURN n",
            "MATCH (n:$('User')) RETURN n",
            "MATCH (n) WHERE 'User' IN labels(n) RETURN n.passwordHash",
            // paths of any type and length from the market model
            "MATCH (p:Physician)--(x) RETURN x",
            "MATCH (p:Physician)-[r]-(x) RETURN type(r), properties(x)",
            "MATCH (p:Physician)-[*]-(x) RETURN x",
            "MATCH path = (:Physician)-[*1..3]-() RETURN path",
            "MATCH (p:Physician)<-[:WITH]-(i) RETURN i.notes",
            "MATCH (p:Physician)<-[:STOP]-(v) RETURN v",
            "MATCH (p:Physician)-[:REFERRED|WITH]-(x) RETURN x",
            "MATCH (p:Physician)-[:!REFERRED]-(x) RETURN x",
            "MATCH (p:Physician)-[:REFERRED*0..1]-(x) RETURN x.passwordHash",
            "MATCH (x) ((a)-[:REFERRED]->(b)){0,2} (y) RETURN x",
            "MATCH (p:Physician) MATCH path = shortestPath((p)-[*]-(u)) RETURN path",
            // subqueries and comprehensions
            "MATCH (p:Physician) WHERE EXISTS { MATCH (u:User) } RETURN p",
            "RETURN COUNT { (u:User) } AS users",
            "RETURN COLLECT { MATCH (u:User) RETURN u.passwordHash } AS hashes",
            "MATCH (p:Physician) RETURN [(p)<-[:WITH]-(i) | i.notes] AS notes",
            "MATCH (p:Physician) RETURN COUNT { (p)--() } AS degree",
            "CALL { MATCH (a:AuditEvent) RETURN a } RETURN a.detail",
            "MATCH (p:Physician) RETURN p.name AS x UNION MATCH (u:User) RETURN u.passwordHash AS x",
            // nested Cypher, whatever the spelling
            "RETURN apoc.cypher.runFirstColumnSingle('MATCH (u:User) RETURN u.passwordHash', {}) AS h",
            "RETURN `apoc`.`cypher`.runFirstColumnSingle('LOAD CSV FROM \"file:///etc/passwd\" AS l RETURN l', {}) AS x",
            "RETURN apoc . cypher . runFirstColumnSingle('MATCH (n) RETURN n', {}) AS x",
            "RETURN apoc /* hidden */ .cypher.runFirstColumnSingle('MATCH (n) RETURN n', {}) AS x",
            "RETURN `apoc.cypher.runFirstColumnSingle`('MATCH (n) RETURN n', {}) AS x",
            "RETURN APOC.CYPHER.RUNFIRSTCOLUMNSINGLE('MATCH (n) RETURN n', {}) AS x",
            "CALL apoc.cypher.run('MATCH (u:User) RETURN u.passwordHash AS h', {}) YIELD value RETURN value",
            "CALL apoc.cypher.doIt('CREATE (:Hack)', {}) YIELD value RETURN value",
            "CALL apoc.when(true, 'MATCH (u:User) RETURN u', '', {}) YIELD value RETURN value",
            "CALL apoc.periodic.iterate('MATCH (u:User) RETURN u', 'SET u.x = 1', {})",
            "RETURN apoc.map.fromNodes('User', 'username') AS users",
            "RETURN apoc.nodes.get([0, 1, 2]) AS nodes",
            "MATCH (p:Physician) RETURN apoc.node.degree(p) AS degree",
            "RETURN gds.util.asNode(0).passwordHash AS hash",
            "RETURN gds.util.asNodes([0, 1]) AS nodes",
            "CALL apoc.meta.data() YIELD label, property RETURN label, property",
            // files, URLs and the environment
            "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
            "LOAD CSV FROM 'file:///proc/self/environ' AS line RETURN line",
            "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
            "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
            "CALL apoc.load.csv('file:///etc/passwd') YIELD list RETURN list",
            "CALL apoc.import.csv([{fileName: 'file:///etc/passwd', labels: ['X']}], [], {})",
            "CALL apoc.export.csv.all('" + EXPORTED + "', {})",
            "CALL apoc.export.json.query('MATCH (u:User) RETURN u', '" + EXPORTED + "', {})",
            "CALL gds.graph.export('x', {dbName: 'leak'})",
            // administration and schema
            "SHOW USERS",
            "SHOW SETTINGS",
            "SHOW TRANSACTIONS",
            "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
            "SHOW PROCEDURES",
            "CALL dbms.components()",
            "CALL dbms.listConfig()",
            "CALL db.labels()",
            "CALL db.schema.visualization()",
            "CALL db.index.fulltext.queryNodes('auditSearch', 'admin') YIELD node RETURN node",
            "CREATE USER hacker SET PASSWORD 'p4ssw0rd-p4ssw0rd'",
            "ALTER USER neo4j SET PASSWORD 'p4ssw0rd-p4ssw0rd'",
            "USE system SHOW USERS",
            "USE system MATCH (n) RETURN n",
            "CREATE INDEX hack IF NOT EXISTS FOR (n:Physician) ON (n.hack)",
            "DROP CONSTRAINT physician_id",
            // writes
            "CREATE (n:Hack) RETURN n",
            "MERGE (n:Physician {id: 'hack'}) RETURN n",
            "MATCH (p:Physician) SET p.name = 'changed' RETURN p",
            "MATCH (u:User) SET u.roles = ['ADMIN']",
            "MATCH (p:Physician) DETACH DELETE p",
            "MATCH (p:Physician) REMOVE p.name RETURN p",
            "FOREACH (i IN [1] | CREATE (:Hack))",
            "CALL { MATCH (p:Physician) SET p.x = 1 } IN TRANSACTIONS",
            "CALL apoc.create.node(['Hack'], {}) YIELD node RETURN node",
            // GDS beyond the run's own projection
            "CALL gds.graph.project('leak', 'User', '*')",
            "CALL gds.graph.project($graphName, '*', '*')",
            "MATCH (p:Physician) WITH gds.graph.project('leak', p, null) AS g RETURN g.graphName",
            "MATCH (u:User) WITH gds.graph.project($graphName, u, null) AS g RETURN g.nodeCount",
            "CALL gds.graph.project.cypher('leak', 'MATCH (n) RETURN id(n) AS id', 'RETURN 0 AS source, 0 AS target')",
            "CALL gds.pageRank.stream('someone-elses-projection') YIELD nodeId RETURN nodeId",
            "CALL gds.graph.list() YIELD graphName, configuration RETURN graphName, configuration",
            "CALL gds.graph.drop('anything')",
            "CALL gds.pageRank.write($graphName, {writeProperty: 'pr'})",
            "CALL gds.graph.nodeProperty.stream($graphName, 'x')",
            // exhaustion and smuggling
            "RETURN apoc.util.sleep(60000)",
            "MATCH (n:Physician) RETURN n; MATCH (u:User) RETURN u",
            "EXPLAIN MATCH (u:User) RETURN u",
            "PROFILE MATCH (u:User) RETURN u",
            "CYPHER runtime=slotted MATCH (u:User) RETURN u",
            "");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    SavedReports savedReports;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private List<String> secrets;

    @BeforeAll
    void graphWithApplicationData() throws Exception {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, """
                MATCH (n) WHERE n:Interaction OR n:SavedReport OR n:SavedReportVersion OR n:ApiToken DETACH DELETE n
                """);
        GraphFixtures.run(driver, """
                CREATE (a:Physician {id: 'a', name: 'Ann Smith, MD', network: 'IN'})
                       -[:REFERRED {referrals: 3, periodStart: date('2026-01-01')}]->
                       (b:Physician {id: 'b', name: 'Bo Lee, MD', network: 'OUT'})
                CREATE (b)-[:REFERRED {referrals: 2, periodStart: date('2026-01-01')}]->(a)
                """);
        if (users.find("sandbox-analyst").isEmpty()) {
            users.createUser("sandbox-analyst", "Sandbox Analyst", ANALYST_PASSWORD, List.of(Role.ANALYST));
        }
        String token = tokens.create("admin", "sandbox test").token();
        GraphFixtures.run(driver, """
                MATCH (u:User {username: 'admin'}), (p:Physician {id: 'a'})
                CREATE (u)-[:LOGGED]->(:Interaction {id: 'sandbox-i1', type: 'IN_PERSON_VISIT', date: date(),
                        notes: $note})-[:WITH]->(p)
                """, Map.of("note", NOTE));
        savedReports.create("// @title Private numbers\nRETURN '" + PRIVATE_REPORT + "' AS secret", false,
                CurrentUser.of("admin", Role.ADMIN));

        secrets = new ArrayList<>();
        secrets.add(token);
        secrets.add(NOTE);
        secrets.add(PRIVATE_REPORT);
        secrets.add("root:x:0:0");
        secrets.add(System.getenv("PATH"));
        secrets.addAll(GraphFixtures.rows(driver, "MATCH (u:User) RETURN u.passwordHash AS h", Map.of()).stream()
                .map(r -> r.get("h").asString()).toList());
        secrets.addAll(GraphFixtures.rows(driver, "MATCH (t:ApiToken) RETURN t.hash AS h", Map.of()).stream()
                .map(r -> r.get("h").asString()).toList());
        // the hashes themselves start alike: compare their distinctive tails
        secrets.replaceAll(s -> s.length() > 24 ? s.substring(s.length() - 24) : s);
    }

    static Stream<Arguments> attacks() {
        return Stream.of("sandbox-analyst", "admin")
                .flatMap(user -> HOSTILE.stream().map(statement -> Arguments.of(user, statement)));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("attacks")
    void hostileQueriesAreRefusedOrShowNoSecretAndChangeNothing(String user, String statement) throws Exception {
        String before = fingerprint();

        var query = post(user, "/api/query", Map.of("cypher", statement, "params", Map.of("graphName", "leak")));
        assertRefusedOrClean(statement, query);

        var save = post(user, "/api/reports", Map.of("source", "// @title Hostile\n" + statement, "shared", true));
        if (save.statusCode() == 201) {
            String id = JSON.readTree(save.body()).path("id").asText();
            assertRefusedOrClean(statement, post(user, "/api/reports/" + id + "/run", Map.of()));
            send(user, HttpRequest.newBuilder(uri("/api/reports/" + id)).DELETE());
        } else {
            assertRefusedOrClean(statement, save);
        }

        assertThat(fingerprint()).as("graph and projections after " + statement).isEqualTo(before);
        assertThat(EXPORTED).as("a file written by " + statement).doesNotExist();
    }

    private void assertRefusedOrClean(String statement, HttpResponse<String> response) throws Exception {
        if (response.statusCode() == 400) {
            assertThat(JSON.readTree(response.body()).path("error").asText()).as("reason for refusing " + statement)
                    .isNotBlank();
        } else {
            assertThat(response.statusCode()).as(statement + ": " + response.body()).isEqualTo(200);
        }
        for (String secret : secrets) {
            assertThat(response.body()).as("answer to " + statement).doesNotContain(secret);
        }
    }

    @Test
    void reasonsSayWhatIsNotAllowed() throws Exception {
        assertThat(error("MATCH (u:User) RETURN u.passwordHash")).contains("User is not part of the referral graph");
        assertThat(error("MATCH (n) RETURN n")).contains("Give every node pattern a label");
        assertThat(error("RETURN `apoc` . /* x */ `cypher`.runFirstColumnSingle('RETURN 1', {})"))
                .contains("apoc.cypher.runFirstColumnSingle is not allowed");
        assertThat(error("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")).contains("LOAD CSV is not allowed");
        assertThat(error("CALL gds.pageRank.stream('other') YIELD nodeId RETURN nodeId"))
                .contains("GDS runs only on the run's own projection");
    }

    @Test
    void theMarketModelReadsAsBefore() throws Exception {
        var response = post("sandbox-analyst", "/api/query", Map.of("cypher", """
                MATCH (p:Physician)-[r:REFERRED]->(q)
                RETURN p.name AS sender, q.name AS receiver, r.referrals AS referrals ORDER BY sender
                """));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("rows").toString())
                .isEqualTo("[[\"Ann Smith, MD\",\"Bo Lee, MD\",3],[\"Bo Lee, MD\",\"Ann Smith, MD\",2]]");

        var gds = post("sandbox-analyst", "/api/query", Map.of("cypher", """
                MATCH (a:Physician)-[:REFERRED]->(b:Physician)
                WITH gds.graph.project($graphName, b, a) AS g
                CALL gds.pageRank.stream($graphName) YIELD nodeId, score
                MATCH (p:Physician) WHERE id(p) = nodeId
                RETURN p.id AS id ORDER BY id
                """));
        assertThat(gds.statusCode()).as(gds.body()).isEqualTo(200);
        assertThat(JSON.readTree(gds.body()).path("rows").toString()).isEqualTo("[[\"a\"],[\"b\"]]");
        assertThat(projections()).isZero();
    }

    @Test
    void theRequestCannotRaiseOrSwitchOffTheTimeLimit() throws Exception {
        // planned once first, so that the figures below are the run itself
        post("sandbox-analyst", "/api/query", Map.of(
                "cypher", "UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i)", "timeoutSeconds", 1));
        for (int seconds : new int[] {0, 100_000, -5}) {
            long started = System.nanoTime();
            var response = post("sandbox-analyst", "/api/query", Map.of(
                    "cypher", "UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i)",
                    "timeoutSeconds", seconds));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(response.statusCode()).as(seconds + " s: " + response.body()).isEqualTo(408);
            assertThat(took).as("timeoutSeconds " + seconds).isLessThan(Duration.ofSeconds(4 + 2))
                    .isGreaterThan(Duration.ofMillis(3500));
        }
    }

    @Test
    void aQueryThatCollectsTooMuchIsStoppedAndTheApplicationStaysUp() throws Exception {
        var response = post("sandbox-analyst", "/api/query", Map.of("cypher",
                "UNWIND range(1, 500000000) AS i RETURN size(collect(toString(i) + '-padding-padding')) AS n"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("more memory than a query may use");

        var health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aUserRunsAtMostTwoQueriesAtOnce() throws Exception {
        var slow = Map.<String, Object>of("cypher",
                "UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i)");
        // three at once: each of the first two holds its place for the whole time limit, the third is turned away
        var requests = List.of(postAsync("sandbox-analyst", slow), postAsync("sandbox-analyst", slow),
                postAsync("sandbox-analyst", slow));
        var statuses = new ArrayList<Integer>();
        HttpResponse<String> refused = null;
        for (var request : requests) {
            var response = request.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(408, 408, 429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("2 queries running");
        assertThat(post("sandbox-analyst", "/api/query", Map.of("cypher", "RETURN 1 AS one")).statusCode()).isEqualTo(200);
    }

    @Test
    void everyAttemptIsAuditedRanRefusedOrStopped() throws Exception {
        long ran = audited("ran");
        long refused = audited("refused");
        long stopped = audited("stopped");
        post("sandbox-analyst", "/api/query", Map.of("cypher", "RETURN 'audit-me' AS x"));
        post("sandbox-analyst", "/api/query", Map.of("cypher", "MATCH (u:User) RETURN u"));
        post("sandbox-analyst", "/api/query", Map.of("cypher",
                "UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i)", "timeoutSeconds", 1));
        assertThat(audited("ran")).isEqualTo(ran + 1);
        assertThat(audited("refused")).isEqualTo(refused + 1);
        assertThat(audited("stopped")).isEqualTo(stopped + 1);
    }

    @Test
    void aQueryWhoseAuditEventCannotBeWrittenFails() throws Exception {
        // A uniqueness constraint that the next "ran" event breaks makes the audit write fail.
        post("sandbox-analyst", "/api/query", Map.of("cypher", "RETURN 'first' AS x"));
        GraphFixtures.run(driver, "MATCH (e:AuditEvent) WHERE e.target IS NOT NULL AND e.target <> 'ran' DETACH DELETE e");
        GraphFixtures.run(driver, "MATCH (e:AuditEvent) WHERE e.target = 'ran' WITH e SKIP 1 DETACH DELETE e");
        GraphFixtures.run(driver, "CREATE CONSTRAINT sandbox_audit_once IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.target IS UNIQUE");
        try {
            var response = post("sandbox-analyst", "/api/query", Map.of("cypher", "RETURN 'unaudited' AS x"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.body()).contains("audit trail").doesNotContain("\"unaudited\"");
        } finally {
            GraphFixtures.run(driver, "DROP CONSTRAINT sandbox_audit_once IF EXISTS");
        }
    }

    @Test
    void aSavedReportsChoicesQueryRunsInTheSandboxAndIsAudited() throws Exception {
        long before = GraphFixtures.count(driver,
                "MATCH (e:AuditEvent {type: 'QUERY_RUN'}) WHERE e.target STARTS WITH 'choices ' RETURN count(e)");
        var save = post("sandbox-analyst", "/api/reports", Map.of("source", """
                // @title Pick a physician
                // @param who: string
                // @choices who: MATCH (p:Physician) RETURN p.id, p.name ORDER BY p.id
                MATCH (p:Physician {id: $who}) RETURN p.name
                """, "shared", false));
        assertThat(save.statusCode()).as(save.body()).isEqualTo(201);
        JsonNode choices = JSON.readTree(save.body()).path("parameters").get(0).path("choices");
        assertThat(choices.findValuesAsText("value")).containsExactly("a", "b");
        assertThat(GraphFixtures.count(driver,
                "MATCH (e:AuditEvent {type: 'QUERY_RUN'}) WHERE e.target STARTS WITH 'choices ' RETURN count(e)"))
                .isGreaterThan(before);

        var hostile = post("sandbox-analyst", "/api/reports", Map.of("source", """
                // @title Pick a user
                // @param who: string
                // @choices who: MATCH (u:User) RETURN u.passwordHash
                RETURN $who
                """, "shared", false));
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.body()).contains("User is not part of the referral graph");
    }

    private long audited(String target) {
        return GraphFixtures.count(driver,
                "MATCH (e:AuditEvent {type: 'QUERY_RUN', target: $target, username: 'sandbox-analyst'}) RETURN count(e)",
                Map.of("target", target));
    }

    private String error(String cypher) throws Exception {
        var response = post("sandbox-analyst", "/api/query", Map.of("cypher", cypher));
        assertThat(response.statusCode()).as(cypher).isEqualTo(400);
        return JSON.readTree(response.body()).path("error").asText();
    }

    private long projections() {
        return GraphFixtures.count(driver, "CALL gds.graph.list() YIELD graphName RETURN count(*)");
    }

    /** Everything but the audit trail, which every attempt adds to: counts, labels, properties, indexes. */
    private String fingerprint() {
        return GraphFixtures.rows(driver, """
                MATCH (n) WHERE NOT n:AuditEvent
                WITH count(n) AS nodes,
                     collect([labels(n), CASE WHEN n:User OR n:ApiToken THEN n.username ELSE properties(n) END]) AS all
                OPTIONAL MATCH ()-[r]->() WITH nodes, all, count(r) AS rels
                RETURN nodes, rels, all
                """, Map.of()).get(0).toString()
                + GraphFixtures.rows(driver, "SHOW INDEXES YIELD name RETURN collect(name) AS names", Map.of()).get(0)
                + " projections " + projections();
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String user, Map<String, Object> body) throws Exception {
        return http.sendAsync(authorized(user, HttpRequest.newBuilder(uri("/api/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, Map<String, Object> body) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return http.send(authorized(user, request), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest authorized(String user, HttpRequest.Builder request) {
        String password = "admin".equals(user) ? ADMIN_PASSWORD : ANALYST_PASSWORD;
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static {
        try {
            Files.deleteIfExists(EXPORTED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
