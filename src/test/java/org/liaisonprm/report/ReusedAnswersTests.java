package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.Http;
import org.liaisonprm.ServingTest;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.Role;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.network.NetworkService;
import org.liaisonprm.security.UserAccounts;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Answers reused while the graph has not changed: a write of the application's own (here a membership
 * change) ends them, a caller never gets an answer computed for someone who sees more, and the heavy-query
 * slots refuse at once when they are full. Fixture writes go straight through the driver, which the
 * application does not see: that is how a reused answer shows itself.
 */
@ServingTest
class ReusedAnswersTests {

    private static final NetworkService.Period Q1 =
            new NetworkService.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));
    private static final CurrentUser LEE = CurrentUser.of("fx-lee", Role.LIAISON);
    private static final CurrentUser SAM = CurrentUser.of("fx-sam", Role.LIAISON);
    private static final CurrentUser MANAGER = CurrentUser.of("fx-mo", Role.MANAGER);

    @Autowired
    Driver driver;

    @Autowired
    Graph graph;

    @Autowired
    NetworkMembership membership;

    @Autowired
    NetworkService network;

    @Autowired
    ReportLibrary library;

    @Autowired
    ReportRunner runner;

    @Autowired
    UserAccounts users;

    @LocalServerPort
    int port;

    @BeforeEach
    void graph() {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, """
                MATCH (n) WHERE n:Territory OR (n:User AND n.username STARTS WITH 'fx-') DETACH DELETE n""");
        GraphFixtures.run(driver, """
                CREATE (home:HealthSystem {id: 'home', name: 'Home Health', home: true}),
                       (p:Practice {id: 'P', name: 'Home Primary Care'})-[:PART_OF]->(home),
                       (a:Physician {id: 'A', name: 'Ann Able, MD', specialty: 'Family Medicine'})-[:PRACTICES_AT]->(p),
                       (o:Physician {id: 'O', name: 'Oz Out, MD', specialty: 'Orthopaedic Surgery'}),
                       (a)-[:REFERRED {periodStart: date('2026-01-01'), serviceLine: 'Orthopedics', referrals: 20, patients: 20}]->(o),
                       (lee:User {username: 'fx-lee', roles: ['LIAISON']}),
                       (:User {username: 'fx-sam', roles: ['LIAISON']}),
                       (lee)-[:COVERS]->(:Territory {id: 't1', name: 'Quincy', zips: ['02169']})
                """);
        membership.recompute();
    }

    private List<String> territoryChoices(CurrentUser user) {
        var report = library.find("untouched-targets", user).orElseThrow();
        return runner.choices(report, report.parameter("territory").orElseThrow(), user).stream()
                .map(ReportRunner.Choice::label).toList();
    }

    private List<String> drawn() {
        return network.neighbourhood("A", Q1, 20).orElseThrow().nodes().stream().map(NetworkPicture.Node::id)
                .sorted().toList();
    }

    @Test
    void anAnswerIsReusedUntilTheApplicationWritesToTheGraph() {
        assertThat(territoryChoices(MANAGER)).containsExactly("Quincy");
        assertThat(drawn()).containsExactly("A", "O");
        long version = graph.version();

        GraphFixtures.run(driver, """
                MATCH (a:Physician {id: 'A'})
                CREATE (:Territory {id: 't2', name: 'Braintree', zips: ['02184']}),
                       (a)-[:REFERRED {periodStart: date('2026-02-01'), serviceLine: 'Cardiology', referrals: 7, patients: 7}]->
                       (:Physician {id: 'X', name: 'Xu Extra, MD', specialty: 'Cardiology'})""");
        assertThat(territoryChoices(MANAGER)).as("reused: the application wrote nothing").containsExactly("Quincy");
        assertThat(drawn()).as("reused").containsExactly("A", "O");
        assertThat(graph.version()).isEqualTo(version);

        membership.recompute();
        assertThat(graph.version()).as("a membership change advances the version").isGreaterThan(version);
        assertThat(territoryChoices(MANAGER)).containsExactly("Braintree", "Quincy");
        assertThat(drawn()).containsExactly("A", "O", "X");
    }

    @Test
    void aCallerNeverGetsAnAnswerComputedForSomeoneWhoSeesOtherThings() {
        assertThat(territoryChoices(LEE)).as("the territory Lee covers").containsExactly("Quincy");
        assertThat(territoryChoices(SAM)).as("Sam covers none").isEmpty();
        assertThat(territoryChoices(MANAGER)).as("a manager sees the team's").containsExactly("Quincy");
        assertThat(territoryChoices(SAM)).isEmpty();
        assertThat(territoryChoices(LEE)).containsExactly("Quincy");
    }

    @Test
    void aFullServerRefusesAHeavyQueryAtOnceWithRetryAfter() throws Exception {
        if (users.find("fx-ana").isEmpty()) {
            users.createUser("fx-ana", "Ana", "quiet-harbour-lantern-7", List.of(Role.ANALYST));
        }
        var http = new Http(port);
        String slow = "UNWIND range(1, 400000000) AS x RETURN count(x) AS n";
        var running = CompletableFuture.supplyAsync(() -> {
            try {
                return http.send("POST", "/api/query", "{\"cypher\": \"" + slow + "\", \"timeoutSeconds\": 20}",
                        "admin:test-admin-secret");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            await("the slow query started").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> GraphFixtures.count(driver, "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery "
                            + "CONTAINS 'range(1, 400000000)' AND NOT currentQuery CONTAINS 'SHOW' RETURN count(*)") > 0);
            long asked = System.nanoTime();
            var refused = http.send("POST", "/api/query", "{\"cypher\": \"RETURN 1 AS one\"}", "fx-ana:quiet-harbour-lantern-7");
            long waitedMs = (System.nanoTime() - asked) / 1_000_000;
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(Http.json(refused).path("status").asInt()).isEqualTo(503);
            assertThat(Http.json(refused).path("error").asText()).contains("heavy queries");
            assertThat(waitedMs).as("refused at once, not after the running query").isLessThan(10_000);
        } finally {
            GraphFixtures.run(driver, """
                    SHOW TRANSACTIONS YIELD transactionId, currentQuery
                    WHERE currentQuery CONTAINS 'range(1, 400000000)' AND NOT currentQuery CONTAINS 'SHOW'
                    TERMINATE TRANSACTION transactionId YIELD message RETURN message""");
            running.get(30, TimeUnit.SECONDS);
        }
        var again = new Http(port).send("POST", "/api/query", "{\"cypher\": \"RETURN 1 AS one\"}", "fx-ana:quiet-harbour-lantern-7");
        assertThat(again.statusCode()).as("a slot is free again").isEqualTo(200);
    }
}
