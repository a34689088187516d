package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.demo.DemoProperties;
import org.liaisonprm.demo.DemoRegion;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every report file runs on the demo region, and the planted patterns come out of the matching reports.
 */
@DemoGraphTest
class ReportsOnDemoRegionTests {

    @Autowired
    ReportCatalog catalog;

    @Autowired
    ReportRunner reports;

    @Autowired
    DemoProperties demo;

    @Autowired
    Driver driver;

    private DemoRegion.Planted planted() {
        return GeneratedDemoRegion.of(demo).planted();
    }

    @Test
    void everyReportFileRunsWithItsDefaults() {
        assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(8);
        for (ReportDefinition report : catalog.all()) {
            var result = reports.run(report.id(), Map.of());
            assertThat(result.columns()).as(report.id()).isNotEmpty();
            if (!report.id().equals("facility-inflow")) {
                assertThat(result.rows()).as(report.id() + " finds something in the demo region").isNotEmpty();
            }
        }
        assertThat(reports.run("facility-inflow", Map.of("facility", "229011")).rows()).isNotEmpty();
    }

    @Test
    void theRollupGivesTheSameFiguresAsTheRelationships() {
        for (var window : List.of(Map.<String, Object>of(), Map.<String, Object>of("from", "2025-03-01", "to", "2025-09-15"))) {
            var fromRollup = reports.run("leakage-by-service-line", window);
            var parameters = reports.parameters(catalog.find("leakage-by-service-line").orElseThrow(), window);
            var direct = GraphFixtures.rows(driver, """
                    MATCH (p:Physician)-[r:REFERRED]->(t)
                    WHERE p.network IN ['IN', 'AFFILIATED'] AND r.periodStart >= $from AND r.periodStart < $to
                    WITH r.serviceLine AS serviceLine, sum(r.referrals) AS referrals,
                         sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
                    RETURN serviceLine, referrals, leaked ORDER BY leaked DESC, serviceLine
                    """, parameters);
            assertThat(fromRollup.rows()).extracting(row -> List.of(row.get(0), row.get(1), row.get(3)))
                    .containsExactlyElementsOf(direct.stream()
                            .map(r -> List.<Object>of(r.get(0).asString(), r.get(1).asLong(), r.get(2).asLong()))
                            .toList());

            var withLimit = new HashMap<String, Object>(window);
            withLimit.put("limit", "25");
            var leakers = reports.run("top-leaking-physicians", withLimit);
            var directLeakers = GraphFixtures.rows(driver, """
                    MATCH (p:Physician)-[r:REFERRED]->(t)
                    WHERE p.network IN ['IN', 'AFFILIATED'] AND r.periodStart >= $from AND r.periodStart < $to
                    WITH p, sum(r.referrals) AS referrals, sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
                    RETURN p.id, referrals, leaked ORDER BY leaked DESC, p.id LIMIT 25
                    """, parameters);
            assertThat(leakers.rows()).extracting(row -> List.of(row.get(0), row.get(4), row.get(5)))
                    .containsExactlyElementsOf(directLeakers.stream()
                            .map(r -> List.<Object>of(r.get(0).asString(), r.get(1).asLong(), r.get(2).asLong()))
                            .toList());
        }
    }

    @Test
    void leakageStaysWithinTheDemoRange() {
        assertThat(reports.run("leakage-by-service-line", Map.of()).rows())
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(row -> assertThat((Double) row.get(4)).isBetween(0.2, 0.65));
    }

    @Test
    void theOrthopedicSplittersAreSplitters() {
        var rows = reports.run("loyalty-segments", Map.of("serviceLine", "Orthopedics")).rows();
        var segments = new HashMap<Object, Object>();
        rows.forEach(row -> segments.put(row.get(0), row.get(8)));
        assertThat(planted().orthopedicSplitterIds()).allSatisfy(id -> assertThat(segments.get(id)).isEqualTo("SPLITTER"));
    }

    @Test
    void theChainLeakageBrokerCarriesTheMostChainVolume() {
        var rows = reports.run("chain-leakage-paths", Map.of("limit", 100_000, "minReferrals", 1)).rows();
        var byIntermediary = new HashMap<Object, Long>();
        for (List<Object> row : rows) {
            @SuppressWarnings("unchecked")
            var intermediary = ((Map<String, Object>) row.get(1)).get("_id");
            byIntermediary.merge(intermediary, (Long) row.get(5), Long::sum);
        }
        var top = byIntermediary.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        assertThat(top.getKey()).isEqualTo(planted().chainLeakageBrokerId());
    }

    @Test
    void theBrocktonClusterIsACommunityOfItsOwn() {
        var community = planted().communityIds();
        var rows = reports.run("referral-communities", Map.of()).rows();
        var theirs = rows.stream()
                .filter(row -> ((List<?>) row.get(7)).stream().anyMatch(community::contains))
                .toList();
        assertThat(theirs).as("one community holds the cluster's busiest members").hasSize(1);
        long size = (Long) theirs.get(0).get(1);
        assertThat(size).isBetween((long) (0.8 * community.size()), (long) (1.25 * community.size()));
        assertThat(theirs.get(0).get(2)).as("none of them is in network").isEqualTo(0L);
    }

    @Test
    void theCollapsedReferrerIsAmongTheLostReferrers() {
        var rows = reports.run("lost-referrers", Map.of()).rows();
        assertThat(rows).isNotEmpty();
        assertThat(rows.subList(0, Math.min(3, rows.size()))).extracting(row -> row.get(0))
                .contains(planted().collapsedReferrerId());
    }
}
