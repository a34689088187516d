package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.graph.NetworkMembership;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The explorer's queries on a hand-made graph whose answers are worked out in the comments.
 */
@EmptyGraphTest
class NetworkServiceTests {

    private static final NetworkService.Period Q1 =
            new NetworkService.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));

    @Autowired
    Driver driver;

    @Autowired
    NetworkService network;

    @Autowired
    NetworkMembership membership;

    @BeforeEach
    void graph() {
        GraphFixtures.clear(driver);
        // A and B practise at the home system's practice P; C, D and facility F are out of network.
        // In Jan–Feb 2026: A->B 10+5, A->C 8, D->A 3, A->F 20, B->C 4; and A->E 2 in June 2025 (outside).
        GraphFixtures.run(driver, """
                CREATE (home:HealthSystem {id: 'home', name: 'Home Health', home: true}),
                       (p:Practice {id: 'P', name: 'Home Primary Care', city: 'Quincy'})-[:PART_OF]->(home),
                       (a:Physician {id: '1234567893', npi: '1234567893', name: 'Jane Smith, MD', firstName: 'Jane',
                                     lastName: 'Smith', specialty: 'Family Medicine', city: 'Quincy'})-[:PRACTICES_AT]->(p),
                       (b:Physician {id: 'B', name: 'Bo Brown, MD', specialty: 'Orthopaedic Surgery', city: 'Quincy'})-[:PRACTICES_AT]->(p),
                       (c:Physician {id: 'C', name: 'Cy Chen, DO', specialty: 'Orthopaedic Surgery', city: 'Waltham'}),
                       (d:Physician {id: 'D', name: 'Di Diaz, MD', specialty: 'Internal Medicine', city: 'Lynn'}),
                       (e:Physician {id: 'E', name: 'Ed Eng, MD', specialty: 'Urology', city: 'Lynn'}),
                       (f:Facility {id: 'F', name: 'Rival Hospital', type: 'HOSPITAL', city: 'Cambridge'}),
                       (a)-[:REFERRED {periodStart: date('2026-01-01'), serviceLine: 'Orthopedics', referrals: 10, patients: 9}]->(b),
                       (a)-[:REFERRED {periodStart: date('2026-02-01'), serviceLine: 'Orthopedics', referrals: 5, patients: 5}]->(b),
                       (a)-[:REFERRED {periodStart: date('2026-01-01'), serviceLine: 'Orthopedics', referrals: 8, patients: 8}]->(c),
                       (d)-[:REFERRED {periodStart: date('2026-02-01'), serviceLine: 'Primary Care', referrals: 3, patients: 3}]->(a),
                       (a)-[:REFERRED {periodStart: date('2026-02-01'), serviceLine: 'Imaging', referrals: 20, patients: 18}]->(f),
                       (b)-[:REFERRED {periodStart: date('2026-01-01'), serviceLine: 'Orthopedics', referrals: 4, patients: 4}]->(c),
                       (a)-[:REFERRED {periodStart: date('2025-06-01'), serviceLine: 'Urology', referrals: 2, patients: 2}]->(e)
                """);
        membership.recompute();
    }

    @Test
    void drawsTheBusiestPartnersAndTheFlowsAmongThem() {
        var picture = network.neighbourhood("1234567893", Q1, 10).orElseThrow();

        var nodes = picture.nodes().stream().collect(Collectors.toMap(NetworkPicture.Node::id, Function.identity()));
        assertThat(picture.nodes().get(0).id()).as("the focus comes first").isEqualTo("1234567893");
        assertThat(nodes.keySet()).containsExactlyInAnyOrder("1234567893", "B", "C", "D", "F");
        assertThat(nodes.get("F").volume()).isEqualTo(20);
        assertThat(nodes.get("B").volume()).isEqualTo(15);
        assertThat(nodes.get("C").volume()).isEqualTo(8);
        assertThat(nodes.get("D").volume()).isEqualTo(3);
        assertThat(nodes.get("B").network()).isEqualTo("IN");
        assertThat(nodes.get("B").healthSystem()).isEqualTo("Home Health");
        assertThat(nodes.get("F").kind()).isEqualTo(NetworkPicture.Kind.FACILITY);
        assertThat(picture.truncated()).isFalse();

        var referrals = picture.edges().stream().filter(e -> e.type().equals("REFERRED"))
                .collect(Collectors.toMap(e -> e.source() + ">" + e.target(), Function.identity()));
        assertThat(referrals.keySet()).containsExactlyInAnyOrder(
                "1234567893>B", "1234567893>C", "D>1234567893", "1234567893>F", "B>C");
        assertThat(referrals.get("1234567893>B").referrals()).isEqualTo(15);
        assertThat(referrals.get("1234567893>B").patients()).isEqualTo(14);
        assertThat(referrals.get("1234567893>B").leaking()).isFalse();
        assertThat(referrals.get("1234567893>C").leaking()).isTrue();
        assertThat(referrals.get("1234567893>F").leaking()).isTrue();
        assertThat(referrals.get("B>C").leaking()).isTrue();
        assertThat(referrals.get("D>1234567893").leaking()).as("inbound from outside is not leakage").isFalse();
    }

    @Test
    void leavesOutTheQuietestPartnersAndSaysSo() {
        var picture = network.neighbourhood("1234567893", Q1, 3).orElseThrow();
        assertThat(picture.nodes()).extracting(NetworkPicture.Node::id)
                .containsExactlyInAnyOrder("1234567893", "F", "B", "C");
        assertThat(picture.truncated()).isTrue();
    }

    @Test
    void aPracticeShowsItsPhysiciansAndTheirPartners() {
        var picture = network.neighbourhood("P", Q1, 10).orElseThrow();
        var nodes = picture.nodes().stream().collect(Collectors.toMap(NetworkPicture.Node::id, Function.identity()));
        assertThat(nodes.keySet()).containsExactlyInAnyOrder("P", "1234567893", "B", "C", "D", "F");
        assertThat(nodes.get("C").volume()).as("8 from A plus 4 from B").isEqualTo(12);
        assertThat(picture.edges()).filteredOn(e -> e.type().equals("PRACTICES_AT"))
                .extracting(NetworkPicture.Edge::source).containsExactlyInAnyOrder("1234567893", "B");
    }

    @Test
    void anUnknownFocusFindsNothing() {
        assertThat(network.neighbourhood("no-such-id", Q1, 10)).isEmpty();
    }

    @Test
    void theDefaultPeriodIsTheTwelveMonthsUpToTheLatestData() {
        assertThat(network.defaultPeriod()).isEqualTo(
                new NetworkService.Period(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 1)));
    }

    @Test
    void searchFindsByNamePrefixNpiSpecialtyAndCity() {
        assertThat(network.search("smi", 0, 10)).extracting(ProviderMatch::id).containsExactly("1234567893");
        assertThat(network.search("jane smith", 0, 10)).extracting(ProviderMatch::id).containsExactly("1234567893");
        assertThat(network.search("1234567", 0, 10)).extracting(ProviderMatch::id).contains("1234567893");
        assertThat(network.search("orthopaedic", 0, 10)).extracting(ProviderMatch::id).containsExactlyInAnyOrder("B", "C");
        assertThat(network.search("waltham", 0, 10)).extracting(ProviderMatch::id).containsExactly("C");
        assertThat(network.search("rival", 0, 10)).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(NetworkPicture.Kind.FACILITY));
        assertThat(network.search("   ", 0, 10)).isEmpty();
        assertThat(network.search("smith (\"[*", 0, 10)).as("query syntax is taken literally").isEmpty();
    }

    @Test
    void topReferrersAreInNetworkAndRankedByVolume() {
        assertThat(network.topReferrers(Q1, 5)).extracting(NetworkPicture.Node::id).containsExactly("1234567893", "B");
    }

    @Test
    void escapesLuceneSyntax() {
        assertThat(NetworkService.luceneQuery(" o'brien  a+b ")).isEqualTo("o'brien* AND a\\+b*");
        assertThat(NetworkService.luceneQuery(null)).isEmpty();
    }
}
