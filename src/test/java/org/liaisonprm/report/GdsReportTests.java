package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports built on Graph Data Science, each on a small graph whose answer can be worked out by hand.
 * All referrals are in January 2026 and every report runs over January.
 */
@EmptyGraphTest
class GdsReportTests {

    private static final Map<String, Object> JANUARY = Map.of("from", "2026-01-01", "to", "2026-02-01");

    @Autowired
    Driver driver;

    @Autowired
    ReportRunner reports;

    @BeforeEach
    void clear() {
        GraphFixtures.clear(driver);
    }

    @AfterEach
    void noProjectionIsLeftBehind() {
        assertThat(GraphFixtures.count(driver, "CALL gds.graph.list() YIELD graphName RETURN count(*)")).isZero();
    }

    /** a→b→c→d and e→b, ten referrals each; a and e in network, the rest out. */
    private void chain() {
        referrals("""
                CREATE (a:Physician {id: 'a', name: 'A', network: 'IN', inNetwork: true}), (b:Physician {id: 'b', name: 'B', network: 'OUT', inNetwork: false}),
                       (c:Physician {id: 'c', name: 'C', network: 'OUT', inNetwork: false}), (d:Physician {id: 'd', name: 'D', network: 'OUT', inNetwork: false}),
                       (e:Physician {id: 'e', name: 'E', network: 'IN', inNetwork: true})
                WITH a, b, c, d, e
                UNWIND [[a, b], [b, c], [c, d], [e, b]] AS pair
                WITH pair[0] AS source, pair[1] AS target, 10 AS n
                """);
    }

    @Test
    void influentialReferrersRankSendersWhoseReceiversSendALot() {
        chain();
        // reversed graph: b->a, b->e, c->b, d->c. PageRank (damping 0.85, no teleport from dangling nodes):
        // d = 0.15; c = 0.15 + 0.85 d = 0.2775; b = 0.15 + 0.85 c = 0.385875; a = e = 0.15 + 0.85 b / 2 = 0.314
        var rows = reports.run("influential-referrers", JANUARY).rows();
        assertThat(rows).extracting(row -> row.get(0)).containsExactly("b", "a", "e", "c", "d");
        assertThat((Double) rows.get(0).get(4)).isCloseTo(0.3859, within(0.001));
        assertThat((Double) rows.get(4).get(4)).isCloseTo(0.15, within(0.001));
        assertThat(rows).extracting(row -> row.get(5)).containsExactly(10L, 10L, 10L, 10L, 0L);

        var prospects = reports.run("influential-referrers", with("outOfNetworkOnly", true)).rows();
        assertThat(prospects).extracting(row -> row.get(0)).containsExactly("b", "c", "d");
    }

    @Test
    void referralBrokersSitOnTheShortestPaths() {
        chain();
        // directed shortest paths through b: a→c, a→d, e→c, e→d (4); through c: a→d, b→d, e→d (3)
        assertThat(reports.run("referral-brokers", JANUARY).rows()).containsExactly(
                Arrays.asList("b", "B", null, "OUT", 4.0),
                Arrays.asList("c", "C", null, "OUT", 3.0));
    }

    @Test
    void referralCommunitiesSeparateTwoTightGroups() {
        referrals("""
                CREATE (p1:Physician {id: 'p1', name: 'P1', network: 'IN', inNetwork: true, lat: 42.0, lon: -71.0}),
                       (p2:Physician {id: 'p2', name: 'P2', network: 'IN', inNetwork: true, lat: 42.2, lon: -71.2}),
                       (p3:Physician {id: 'p3', name: 'P3', network: 'IN', inNetwork: true, lat: 42.4, lon: -71.4}),
                       (q1:Physician {id: 'q1', name: 'Q1', network: 'OUT', inNetwork: false, lat: 41.0, lon: -70.0}),
                       (q2:Physician {id: 'q2', name: 'Q2', network: 'OUT', inNetwork: false, lat: 41.0, lon: -70.0}),
                       (q3:Physician {id: 'q3', name: 'Q3', network: 'OUT', inNetwork: false, lat: 41.0, lon: -70.0})
                WITH p1, p2, p3, q1, q2, q3
                UNWIND [[p1, p2, 10], [p2, p3, 10], [p3, p1, 10], [p3, q1, 1],
                        [q1, q2, 10], [q2, q3, 10], [q3, q1, 10]] AS edge
                WITH edge[0] AS source, edge[1] AS target, edge[2] AS n
                """);
        // the p group sends 31 referrals, 30 of them to in-network members; the q group 30, none kept
        var rows = reports.run("referral-communities", with("minSize", 3)).rows();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(row -> List.of(row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)))
                .containsExactlyInAnyOrder(List.of(3L, 3L, 31L, 30L, 0.9677), List.of(3L, 0L, 30L, 0L, 0.0));
        var pGroup = rows.stream().filter(row -> row.get(2).equals(3L)).findFirst().orElseThrow();
        assertThat(pGroup.get(7)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("p1", "p2", "p3");
        assertThat(pGroup.get(8)).isEqualTo(42.2);
        assertThat(pGroup.get(9)).isEqualTo(-71.2);
    }

    @Test
    void lookalikeProspectsReferWhereOurLoyalistsDo() {
        // o (out of network) and the loyalist l both refer to t1, t2 and t3 (in network): Jaccard 1.
        // m (in network) refers only to t4 and resembles nobody.
        referrals("""
                CREATE (o:Physician {id: 'o', name: 'O', network: 'OUT', inNetwork: false, specialty: 'Family Medicine', city: 'Lynn'}),
                       (l:Physician {id: 'l', name: 'L', network: 'IN', inNetwork: true}),
                       (m:Physician {id: 'm', name: 'M', network: 'IN', inNetwork: true}),
                       (t1:Physician {id: 't1', network: 'IN', inNetwork: true}), (t2:Physician {id: 't2', network: 'IN', inNetwork: true}),
                       (t3:Physician {id: 't3', network: 'IN', inNetwork: true}), (t4:Physician {id: 't4', network: 'OUT', inNetwork: false})
                WITH o, l, m, t1, t2, t3, t4
                UNWIND [[o, t1], [o, t2], [o, t3], [l, t1], [l, t2], [l, t3], [m, t4]] AS pair
                WITH pair[0] AS source, pair[1] AS target, 10 AS n
                """);
        assertThat(reports.run("lookalike-prospects", JANUARY).rows())
                .containsExactly(List.of("o", "O", "Family Medicine", "Lynn", 1L, 1.0, List.of("L")));
    }

    @Test
    void theProjectionIsDroppedWhenTheRunFails() {
        chain();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> reports.run("referral-brokers", with(with("exactUpTo", 0), "sampleSize", -1)))
                .isNotInstanceOf(ReportParameterException.class);
        // @AfterEach checks that no projection is left
    }

    /** Creates the nodes of {@code setup}, then one January referral per (source, target, n) row it ends with. */
    private void referrals(String setup) {
        GraphFixtures.run(driver, setup + """
                CREATE (source)-[:REFERRED {periodStart: date('2026-01-01'), periodEnd: date('2026-02-01'),
                                            serviceLine: 'Cardiology', referrals: n, patients: n}]->(target)
                """);
    }

    private static Map<String, Object> with(String name, Object value) {
        return with(JANUARY, name, value);
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        var copy = new java.util.HashMap<>(base);
        copy.put(name, value);
        return copy;
    }
}
