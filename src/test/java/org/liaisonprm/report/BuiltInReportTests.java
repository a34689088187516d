package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every built-in report on one small graph whose answers are worked out by hand below.
 * <p>
 * Home system "home" owns practice PH and hospital FH; "rival" owns practice PR and hospital FR; PI is
 * independent. a, b and s practise at PH (IN); x at PI with privileges at FH (AFFILIATED); o at PR,
 * employed by rival (OUT); i at PI (OUT). Referrals, Jan–Feb 2026 unless said:
 * <pre>
 *  a->s Ortho  Jan  6 (c4 m2)      b->x Cardio Jan  8 (m8)       i->FR Cardio Jan 9, Feb 9 (c9 each)
 *  a->o Ortho  Jan  4 (c2 m2)      x->FR Cardio Feb 6 (c6)       o->FR Ortho  Feb 7 (c7)
 *  a->i Cardio Feb 10 (c5 m5)      x->FH Cardio Jan 4 (m4)       a->s Ortho  Dec 2025 10 (c10)
 *  b->s Ortho  Feb  3 (c3)
 * </pre>
 * Revenue per case (application.yml defaults): Orthopedics 15,000, Cardiology 14,000.
 */
@EmptyGraphTest
class BuiltInReportTests {

    private static final Map<String, Object> JAN_FEB = Map.of("from", "2026-01-01", "to", "2026-03-01");

    @Autowired
    Driver driver;

    @Autowired
    ReportRunner reports;

    @Autowired
    NetworkMembership membership;

    @Autowired
    ReferralRollup rollup;

    @BeforeEach
    void graph() {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, """
                CREATE (home:HealthSystem {id: 'home', name: 'Home Health', home: true}),
                       (rival:HealthSystem {id: 'rival', name: 'Rival Health', home: false}),
                       (ph:Practice {id: 'PH', name: 'Home Practice'})-[:PART_OF]->(home),
                       (pr:Practice {id: 'PR', name: 'Rival Practice'})-[:PART_OF]->(rival),
                       (pi:Practice {id: 'PI', name: 'Independent Practice'}),
                       (fh:Facility {id: 'FH', name: 'Home Hospital', type: 'HOSPITAL'})-[:PART_OF]->(home),
                       (fr:Facility {id: 'FR', name: 'Rival Hospital', type: 'HOSPITAL'})-[:PART_OF]->(rival),
                       (a:Physician {id: 'a', name: 'A', specialty: 'Family Medicine', zip: '02169'})-[:PRACTICES_AT]->(ph),
                       (b:Physician {id: 'b', name: 'B', specialty: 'Internal Medicine', zip: '02169'})-[:PRACTICES_AT]->(ph),
                       (s:Physician {id: 's', name: 'S', specialty: 'Orthopaedic Surgery', zip: '02169'})-[:PRACTICES_AT]->(ph),
                       (x:Physician {id: 'x', name: 'X', specialty: 'Cardiovascular Disease', zip: '02101'})-[:PRACTICES_AT]->(pi),
                       (x)-[:AFFILIATED_WITH]->(fh),
                       (o:Physician {id: 'o', name: 'O', specialty: 'Orthopaedic Surgery', zip: '02139'})-[:PRACTICES_AT]->(pr),
                       (o)-[:EMPLOYED_BY]->(rival),
                       (i:Physician {id: 'i', name: 'I', specialty: 'Cardiovascular Disease', zip: '02101'})-[:PRACTICES_AT]->(pi)
                WITH a, b, s, x, o, i, fh, fr
                UNWIND [
                  [a, s, 'Orthopedics', '2026-01-01', 6, 4, 2],
                  [a, o, 'Orthopedics', '2026-01-01', 4, 2, 2],
                  [a, i, 'Cardiology', '2026-02-01', 10, 5, 5],
                  [b, s, 'Orthopedics', '2026-02-01', 3, 3, 0],
                  [b, x, 'Cardiology', '2026-01-01', 8, 0, 8],
                  [x, fr, 'Cardiology', '2026-02-01', 6, 6, 0],
                  [x, fh, 'Cardiology', '2026-01-01', 4, 0, 4],
                  [i, fr, 'Cardiology', '2026-01-01', 9, 9, 0],
                  [i, fr, 'Cardiology', '2026-02-01', 9, 9, 0],
                  [o, fr, 'Orthopedics', '2026-02-01', 7, 7, 0],
                  [a, s, 'Orthopedics', '2025-12-01', 10, 10, 0]
                ] AS row
                WITH row[0] AS source, row[1] AS target, row[2] AS line, date(row[3]) AS month,
                     row[4] AS n, row[5] AS commercial, row[6] AS medicare
                CREATE (source)-[:REFERRED {periodStart: month, periodEnd: month + duration({months: 1}),
                                            serviceLine: line, referrals: n, patients: n, commercial: commercial,
                                            medicare: medicare, medicaid: 0, selfPay: 0}]->(target)
                """);
        membership.recompute();
        rollup.rebuild();
    }

    @Test
    void leakageByServiceLine() {
        var result = reports.run("leakage-by-service-line", JAN_FEB);
        assertThat(result.columns()).containsExactly("serviceLine", "referrals", "kept", "leaked", "leakageRate",
                "revenueAtRisk");
        assertThat(result.rows()).containsExactly(
                List.of("Cardiology", 28L, 12L, 16L, 0.5714, 224_000.0),
                List.of("Orthopedics", 13L, 9L, 4L, 0.3077, 60_000.0));
        assertThat(result.truncated()).isFalse();

        var withoutAffiliated = reports.run("leakage-by-service-line", with(JAN_FEB, "includeAffiliated", "false"));
        assertThat(withoutAffiliated.rows()).containsExactly(
                List.of("Cardiology", 18L, 8L, 10L, 0.5556, 140_000.0),
                List.of("Orthopedics", 13L, 9L, 4L, 0.3077, 60_000.0));
    }

    @Test
    void topLeakingPhysicians() {
        var result = reports.run("top-leaking-physicians", JAN_FEB);
        assertThat(result.rows()).extracting(row -> row.subList(0, 11)).containsExactly(
                List.of("a", "A", "Family Medicine", "IN", 20L, 14L, 0.7, 200_000.0, "I", "i", 10L),
                List.of("x", "X", "Cardiovascular Disease", "AFFILIATED", 10L, 6L, 0.6, 84_000.0, "Rival Hospital", "FR", 6L));

        var orthopedics = reports.run("top-leaking-physicians", with(JAN_FEB, "serviceLine", "Orthopedics"));
        assertThat(orthopedics.rows()).extracting(row -> List.of(row.get(0), row.get(4), row.get(5), row.get(9)))
                .containsExactly(List.of("a", 10L, 4L, "o"));
    }

    @Test
    void leakageWindowsNeedNotStartOnAPeriod() {
        // [Jan 15, Mar 1) holds only the February relationships: a->i 10 leaked, b->s 3 kept, x->FR 6 leaked
        var february = reports.run("leakage-by-service-line", Map.of("from", "2026-01-15", "to", "2026-03-01"));
        assertThat(february.rows()).extracting(row -> row.subList(0, 4)).containsExactly(
                List.of("Cardiology", 16L, 0L, 16L),
                List.of("Orthopedics", 3L, 3L, 0L));
        // a window before the first period, and one turned round, are empty rather than negative
        assertThat(reports.run("leakage-by-service-line", Map.of("from", "2020-01-01", "to", "2020-06-01")).rows())
                .isEmpty();
        assertThat(reports.run("top-leaking-physicians", Map.of("from", "2026-03-01", "to", "2026-01-01")).rows())
                .isEmpty();
    }

    @Test
    void leakageFollowsNetworkChangesOnceTheRollupIsRebuilt() {
        // the home system hires o: o becomes IN, so a's Orthopedics referrals to o are kept
        GraphFixtures.run(driver, "MATCH (o:Physician {id: 'o'}), (home:HealthSystem {id: 'home'}) "
                + "CREATE (o)-[:EMPLOYED_BY]->(home)");
        membership.recompute();
        rollup.rebuild();
        // a leaks no more; o, now a sender of ours, leaks its 7 Orthopedics referrals to the rival hospital
        var result = reports.run("top-leaking-physicians", with(JAN_FEB, "serviceLine", "Orthopedics"));
        assertThat(result.rows()).extracting(row -> row.subList(0, 11)).containsExactly(
                List.of("o", "O", "Orthopaedic Surgery", "IN", 7L, 7L, 1.0, 105_000.0, "Rival Hospital", "FR", 7L));
    }

    @Test
    void loyaltySegments() {
        var result = reports.run("loyalty-segments", with(JAN_FEB, "minReferrals", 5));
        assertThat(result.rows()).extracting(row -> List.of(row.get(0), row.get(4), row.get(5), row.get(7), row.get(8)))
                .containsExactly(
                        List.of("a", "Cardiology", 10L, 0.0, "OPPORTUNITY"),
                        List.of("a", "Orthopedics", 10L, 0.6, "SPLITTER"),
                        List.of("x", "Cardiology", 10L, 0.4, "SPLITTER"),
                        List.of("b", "Cardiology", 8L, 1.0, "LOYALIST"));
        assertThat(reports.run("loyalty-segments", JAN_FEB).rows()).as("at least 10 referrals by default")
                .extracting(row -> row.get(0)).containsExactly("a", "a", "x");
        assertThat(reports.run("loyalty-segments", with(with(JAN_FEB, "minReferrals", 5), "includeOutOfNetwork", true))
                .rows()).extracting(row -> row.get(0)).contains("i", "o");
    }

    @Test
    void lostReferrers() {
        var lastMonth = Map.<String, Object>of("to", "2026-03-01", "months", 1, "minReferrals", 1);
        assertThat(reports.run("lost-referrers", lastMonth).rows()).containsExactly(
                List.of("a", "A", "Family Medicine", "IN", 6L, 0L, 6L, 100.0),
                List.of("b", "B", "Internal Medicine", "IN", 8L, 3L, 5L, 62.5),
                List.of("x", "X", "Cardiovascular Disease", "AFFILIATED", 4L, 0L, 4L, 100.0));
        assertThat(reports.run("lost-referrers", with(lastMonth, "dropPct", 70)).rows())
                .extracting(row -> row.get(0)).containsExactly("a", "x");
        // two-month windows: Nov-Dec 2025 against Jan-Feb 2026; only a kept referrals in both (10 -> 6)
        var twoMonths = Map.<String, Object>of("to", "2026-03-01", "months", 2, "minReferrals", 1, "dropPct", 30);
        assertThat(reports.run("lost-referrers", twoMonths).rows())
                .containsExactly(List.of("a", "A", "Family Medicine", "IN", 10L, 6L, 4L, 40.0));
    }

    @Test
    void competitorShareByZip() {
        assertThat(reports.run("competitor-share-by-zip", JAN_FEB).rows()).containsExactly(
                List.of("02169", "Independent", false, 18L, 0.5806, 31L),
                List.of("02169", "Home Health", true, 9L, 0.2903, 31L),
                List.of("02169", "Rival Health", false, 4L, 0.129, 31L),
                List.of("02101", "Rival Health", false, 24L, 0.8571, 28L),
                List.of("02101", "Home Health", true, 4L, 0.1429, 28L),
                List.of("02139", "Rival Health", false, 7L, 1.0, 7L));
    }

    @Test
    void payerMix() {
        assertThat(reports.run("payer-mix", JAN_FEB).rows()).extracting(row -> row.subList(0, 5)).containsExactly(
                List.of("rival", "Rival Health", 35L, 33L, 2L),
                List.of("independent", "Independent", 18L, 5L, 13L),
                List.of("home", "Home Health", 13L, 7L, 6L));
        var byFacility = reports.run("payer-mix", with(JAN_FEB, "by", "facility"));
        assertThat(byFacility.rows()).extracting(row -> List.of(row.get(0), row.get(2), row.get(7), row.get(8)))
                .containsExactly(List.of("FR", 31L, 1.0, 0.0), List.of("FH", 4L, 0.0, 1.0));
    }

    @Test
    void facilityInflow() {
        assertThat(reports.run("facility-inflow", with(JAN_FEB, "facility", "FR")).rows())
                .extracting(row -> List.of(row.get(0), row.get(1), row.get(5), row.get(6)))
                .containsExactly(
                        List.of("2026-01", "i", "Cardiology", 9L),
                        List.of("2026-02", "i", "Cardiology", 9L),
                        List.of("2026-02", "o", "Orthopedics", 7L),
                        List.of("2026-02", "x", "Cardiology", 6L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void chainLeakagePathsReturnTheNodesToDraw() {
        var result = reports.run("chain-leakage-paths", with(JAN_FEB, "minReferrals", 1));
        assertThat(result.columns()).containsExactly("source", "intermediary", "facility", "firstHop", "secondHop",
                "chainVolume");
        assertThat(result.rows()).extracting(row -> List.of(((Map<String, Object>) row.get(0)).get("_id"),
                        ((Map<String, Object>) row.get(1)).get("_id"), ((Map<String, Object>) row.get(2)).get("_id"),
                        row.get(3), row.get(4), row.get(5)))
                .containsExactly(List.of("a", "i", "FR", 10L, 18L, 10L), List.of("a", "o", "FR", 4L, 7L, 4L));
        assertThat((Map<String, Object>) result.rows().get(0).get(1)).containsEntry("_type", "node")
                .containsEntry("_labels", List.of("Physician")).containsEntry("network", "OUT");
    }

    @Test
    void badParametersSayWhichAndWhy() {
        assertThatThrownBy(() -> reports.run("leakage-by-service-line", Map.of("form", "2026-01-01")))
                .isInstanceOf(ReportParameterException.class)
                .hasMessage("form: report leakage-by-service-line has no such parameter");
        assertThatThrownBy(() -> reports.run("leakage-by-service-line", Map.of("from", "January")))
                .isInstanceOf(ReportParameterException.class)
                .hasMessage("from: must be a date (YYYY-MM-DD or YYYY-MM), not 'January'");
        assertThatThrownBy(() -> reports.run("payer-mix", Map.of("by", "payer")))
                .hasMessage("by: must be one of healthSystem, facility, not 'payer'");
    }

    @Test
    void datesDefaultToTheLastTwelveMonthsOfData() {
        // the latest referrals are of February 2026: the default period is March 2025 to February 2026,
        // which takes in December 2025 too (a->s 10 more kept orthopedic referrals)
        assertThat(reports.run("leakage-by-service-line", Map.of()).rows())
                .contains(List.of("Orthopedics", 23L, 19L, 4L, 0.1739, 60_000.0));
    }

    @Test
    void choicesComeFromEnumsOrQueries() {
        var inflow = new ReportCatalog().find("facility-inflow").orElseThrow();
        var facility = inflow.parameter("facility").orElseThrow();
        assertThat(reports.choices(inflow, facility)).containsExactly(
                new ReportRunner.Choice("FH", "Home Hospital"), new ReportRunner.Choice("FR", "Rival Hospital"));
        var payerMix = new ReportCatalog().find("payer-mix").orElseThrow();
        var by = payerMix.parameter("by").orElseThrow();
        assertThat(reports.choices(payerMix, by)).extracting(ReportRunner.Choice::value).containsExactly("healthSystem", "facility");
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        var copy = new java.util.HashMap<>(base);
        copy.put(name, value);
        return copy;
    }
}
