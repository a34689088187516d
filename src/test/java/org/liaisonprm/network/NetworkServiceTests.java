package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.physician.ProviderMatch;
import org.liaisonprm.physician.ProviderSearch;
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
    ProviderSearch providers;

    @Autowired
    NetworkMembership membership;

    @Autowired
    ProfileService profiles;

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

    private static Neighbourhood request(String focus, int hops) {
        return new Neighbourhood(focus, hops, List.of(), Q1.from(), Q1.to(), 1, Neighbourhood.Direction.BOTH,
                Set.of(), 25, 500);
    }

    private static List<String> ids(NetworkPicture picture) {
        return picture.nodes().stream().map(NetworkPicture.Node::id).toList();
    }

    private static List<String> flows(NetworkPicture picture) {
        return picture.edges().stream().filter(e -> e.type().equals("REFERRED"))
                .map(e -> e.source() + ">" + e.target()).sorted().toList();
    }

    @Test
    void twoHopsReachThePartnersOfPartners() {
        // D's only partner is A (3); A's partners beyond D are F 20, B 15, C 8 — in that order
        var picture = network.neighbourhood(request("D", 2)).orElseThrow();
        assertThat(ids(picture)).containsExactly("D", "1234567893", "F", "B", "C");
        assertThat(picture.nodes().get(2).volume()).isEqualTo(20);
        assertThat(flows(picture)).containsExactly("1234567893>B", "1234567893>C", "1234567893>F", "B>C", "D>1234567893");
        assertThat(picture.truncated()).isFalse();
        assertThat(ids(network.neighbourhood(request("D", 1)).orElseThrow())).containsExactly("D", "1234567893");
    }

    @Test
    void filtersNarrowThePicture() {
        String a = "1234567893";
        var base = request(a, 1);
        var orthopedics = network.neighbourhood(new Neighbourhood(a, 1, List.of("Orthopedics"), Q1.from(), Q1.to(), 1,
                Neighbourhood.Direction.BOTH, Set.of(), 25, 500)).orElseThrow();
        assertThat(ids(orthopedics)).containsExactly(a, "B", "C");
        assertThat(flows(orthopedics)).containsExactly(a + ">B", a + ">C", "B>C");

        var sent = network.neighbourhood(new Neighbourhood(a, 1, List.of(), Q1.from(), Q1.to(), 1,
                Neighbourhood.Direction.OUT, Set.of(), 25, 500)).orElseThrow();
        assertThat(ids(sent)).containsExactly(a, "F", "B", "C");
        var received = network.neighbourhood(new Neighbourhood(a, 1, List.of(), Q1.from(), Q1.to(), 1,
                Neighbourhood.Direction.IN, Set.of(), 25, 500)).orElseThrow();
        assertThat(ids(received)).containsExactly(a, "D");

        var outside = network.neighbourhood(new Neighbourhood(a, 1, List.of(), Q1.from(), Q1.to(), 1,
                Neighbourhood.Direction.BOTH, Set.of("OUT"), 25, 500)).orElseThrow();
        assertThat(ids(outside)).containsExactly(a, "F", "C", "D");

        var busy = network.neighbourhood(new Neighbourhood(a, 1, List.of(), Q1.from(), Q1.to(), 10,
                Neighbourhood.Direction.BOTH, Set.of(), 25, 500)).orElseThrow();
        assertThat(ids(busy)).containsExactly(a, "F", "B");
        assertThat(flows(busy)).as("B>C has only 4").containsExactly(a + ">B", a + ">F");

        var june = network.neighbourhood(new Neighbourhood(a, 1, List.of(), LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 7, 1), 1, Neighbourhood.Direction.BOTH, Set.of(), 25, 500)).orElseThrow();
        assertThat(ids(june)).containsExactly(a, "E");
        assertThat(ids(network.neighbourhood(base).orElseThrow())).containsExactly(a, "F", "B", "C", "D");
    }

    @Test
    void limitsCutTheQuietestAndSaySo() {
        var capped = network.neighbourhood(new Neighbourhood("D", 2, List.of(), Q1.from(), Q1.to(), 1,
                Neighbourhood.Direction.BOTH, Set.of(), 25, 3)).orElseThrow();
        assertThat(ids(capped)).containsExactly("D", "1234567893", "F");
        assertThat(capped.truncated()).isTrue();

        var perNode = network.neighbourhood(new Neighbourhood("D", 2, List.of(), Q1.from(), Q1.to(), 1,
                Neighbourhood.Direction.BOTH, Set.of(), 1, 500)).orElseThrow();
        assertThat(ids(perNode)).containsExactly("D", "1234567893", "F");
        assertThat(perNode.truncated()).isTrue();

        assertThatThrownBy(() -> request("D", 3)).hasMessage("hops: 1 or 2, not 3");
        assertThatThrownBy(() -> new Neighbourhood("D", 1, List.of(), Q1.to(), Q1.from(), 1,
                Neighbourhood.Direction.BOTH, Set.of(), 25, 500)).hasMessage("from: must come before to");
        assertThatThrownBy(() -> new Neighbourhood("D", 1, List.of(), Q1.from(), Q1.to(), 1,
                Neighbourhood.Direction.BOTH, Set.of(), 25, 5000)).hasMessage("maxNodes: between 1 and 2000");
    }

    @Test
    void aPhysiciansProfileAddsUpHerReferrals() {
        // the last 12 months of data are Mar 2025 – Feb 2026: A sent B 15 (kept), C 8, F 20 and E 2 (leaked)
        var a = profiles.profile("1234567893").orElseThrow();
        assertThat(a.name()).isEqualTo("Jane Smith, MD");
        assertThat(a.sent()).isEqualTo(45);
        assertThat(a.kept()).isEqualTo(15);
        assertThat(a.leaked()).isEqualTo(30);
        assertThat(a.received()).isEqualTo(3);
        assertThat(a.identity()).extracting(ProviderProfile.Fact::label, ProviderProfile.Fact::value)
                .contains(org.assertj.core.groups.Tuple.tuple("NPI", "1234567893"),
                        org.assertj.core.groups.Tuple.tuple("Specialty", "Family Medicine"),
                        org.assertj.core.groups.Tuple.tuple("Practice", "Home Primary Care"),
                        org.assertj.core.groups.Tuple.tuple("Health system", "Home Health"));
        assertThat(a.destinations()).extracting(ProviderProfile.Partner::id, ProviderProfile.Partner::referrals)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("F", 20L), org.assertj.core.groups.Tuple.tuple("B", 15L),
                        org.assertj.core.groups.Tuple.tuple("C", 8L), org.assertj.core.groups.Tuple.tuple("E", 2L));
        assertThat(a.sources()).extracting(ProviderProfile.Partner::id).containsExactly("D");
        assertThat(a.sentByMonth().rows()).containsExactly(List.of("2025-06", "Urology", 2L),
                List.of("2026-01", "Orthopedics", 18L), List.of("2026-02", "Imaging", 20L),
                List.of("2026-02", "Orthopedics", 5L));
        // kept share by month: June 0 of 2, January 10 of 18, February 5 of 25
        assertThat(a.keptByMonth().rows()).extracting(row -> row.get(2)).containsExactly(0L, 56L, 20L);
    }

    @Test
    void aPracticesProfileCountsItsPhysicians() {
        var p = profiles.profile("P").orElseThrow();
        assertThat(p.kind()).isEqualTo(NetworkPicture.Kind.PRACTICE);
        assertThat(p.sent()).as("A's 45 and B's 4").isEqualTo(49);
        assertThat(p.destinations()).extracting(ProviderProfile.Partner::id, ProviderProfile.Partner::referrals)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("F", 20L), org.assertj.core.groups.Tuple.tuple("C", 12L),
                        org.assertj.core.groups.Tuple.tuple("E", 2L));
        assertThat(profiles.profile("nobody")).isEmpty();
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
        assertThat(providers.search("smi", 0, 10)).extracting(ProviderMatch::id).containsExactly("1234567893");
        assertThat(providers.search("jane smith", 0, 10)).extracting(ProviderMatch::id).containsExactly("1234567893");
        assertThat(providers.search("1234567", 0, 10)).extracting(ProviderMatch::id).contains("1234567893");
        assertThat(providers.search("orthopaedic", 0, 10)).extracting(ProviderMatch::id).containsExactlyInAnyOrder("B", "C");
        assertThat(providers.search("waltham", 0, 10)).extracting(ProviderMatch::id).containsExactly("C");
        assertThat(providers.search("rival", 0, 10)).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(NetworkPicture.Kind.FACILITY));
        assertThat(providers.search("   ", 0, 10)).isEmpty();
        assertThat(providers.search("smith (\"[*", 0, 10)).as("query syntax is taken literally").isEmpty();
    }

    @Test
    void topReferrersAreInNetworkAndRankedByVolume() {
        assertThat(network.topReferrers(Q1, 5)).extracting(NetworkPicture.Node::id).containsExactly("1234567893", "B");
    }

    @Test
    void escapesLuceneSyntax() {
        assertThat(ProviderSearch.luceneQuery(" o'brien  a+b ")).isEqualTo("o'brien* AND a\\+b*");
        assertThat(ProviderSearch.luceneQuery(null)).isEmpty();
    }

    @Test
    void aTwoHopPictureGroupedAndAsFlowsAddsUpToItsReferrals() {
        // From D at two hops: D (hop 0), A (hop 1: D->A 3), then A's partners B 15, C 8, F 20 (hop 2).
        // Flows drawn: D->A 3, A->B 15, A->C 8, A->F 20, B->C 4 = 50 referrals; leaking (in network to out):
        // A->C 8, A->F 20, B->C 4 = 32, at risk 8 x 15,000 + 20 x 1,200 + 4 x 15,000 = 204,000.
        var request = new Neighbourhood("D", 2, List.of(), Q1.from(), Q1.to(), 1, Neighbourhood.Direction.BOTH,
                Set.of(), 25, 500);
        var picture = network.neighbourhood(request).orElseThrow();
        var hops = picture.nodes().stream().collect(Collectors.toMap(NetworkPicture.Node::id, NetworkPicture.Node::hop));
        assertThat(hops).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("D", 0, "1234567893", 1, "B", 2, "C", 2,
                "F", 2));
        assertThat(picture.referrals()).isEqualTo(50);
        assertThat(picture.nodes().stream().filter(n -> n.id().equals("B")).findFirst().orElseThrow().practice())
                .isEqualTo("Home Primary Care");

        // by health system: B alone in Home Health stays itself; C and F (independent, out of network) are one group
        var grouped = Grouping.SYSTEM.apply(picture, Set.of());
        assertThat(grouped.nodes()).extracting(NetworkPicture.Node::id)
                .containsExactlyInAnyOrder("D", "1234567893", "B", "group:independent:OUT");
        var group = grouped.nodes().stream().filter(NetworkPicture.Node::standsForAGroup).findFirst().orElseThrow();
        assertThat(group.name()).isEqualTo("Independent, out of network");
        assertThat(group.members()).isEqualTo(2);
        var toGroup = grouped.edges().stream().filter(e -> e.target().equals(group.id()))
                .collect(Collectors.toMap(NetworkPicture.Edge::source, Function.identity()));
        assertThat(toGroup.get("1234567893").referrals()).isEqualTo(28);
        assertThat(toGroup.get("1234567893").leakingReferrals()).isEqualTo(28);
        assertThat(toGroup.get("1234567893").revenueAtRisk()).isEqualTo(144_000.0);
        assertThat(toGroup.get("B").referrals()).isEqualTo(4);
        assertThat(grouped.referrals()).as("no flow inside the group: nothing lost").isEqualTo(50);

        // the flow view: every referral in one band, the leaked ones red, the revenue at risk summed
        var flows = LeakageFlows.of(picture);
        assertThat(flows.referrals()).isEqualTo(picture.referrals());
        assertThat(flows.bands().stream().mapToLong(LeakageFlows.Band::referrals).sum()).isEqualTo(50);
        assertThat(flows.leaked()).isEqualTo(32);
        assertThat(flows.bands().stream().filter(LeakageFlows.Band::leaked).mapToLong(LeakageFlows.Band::referrals)
                .sum()).isEqualTo(32);
        assertThat(flows.revenueAtRisk()).isEqualTo(204_000.0);
        assertThat(flows.bands()).extracting(b -> b.source() + " > " + b.target() + " " + b.referrals()
                + (b.leaked() ? " leaked" : "")).containsExactlyInAnyOrder(
                "referrer:D > to:Home Health:IN 3",
                "referrer:1234567893 > to:Home Health:IN 15",
                "referrer:1234567893 > to:independent:OUT 28 leaked",
                "referrer:B > to:independent:OUT 4 leaked");
        assertThat(flows.destinations()).extracting(LeakageFlows.Side::name)
                .containsExactly("Independent · out of network", "Home Health · in network");
        assertThat(flows.leakDestinations()).extracting(side -> side.name() + " " + side.leaked() + " "
                + side.revenueAtRisk()).containsExactly("Independent · out of network 32 204000.0");

        // a band narrows the graph to its flows: A's leaked 28 to C and F
        var band = LeakageFlows.only(picture, "referrer:1234567893", "to:independent:OUT");
        assertThat(band.edges()).extracting(e -> e.target() + " " + e.referrals()).containsExactlyInAnyOrder("C 8", "F 20");
        assertThat(band.nodes()).extracting(NetworkPicture.Node::id).containsExactlyInAnyOrder("D", "1234567893", "C",
                "F");
    }
}
