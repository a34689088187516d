package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.demo.DemoProperties;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alerts the demo region's planted patterns must raise (docs/demo-data.md): the collapsed referrer for the
 * liaison whose territory holds her, and the specialist who moved to the competitor with the referrers who
 * sent to them.
 */
@DemoGraphTest
class AlertsOnDemoRegionTests {

    private static final CurrentUser LIAISON4 = CurrentUser.of("liaison4", Role.LIAISON);
    private static final CurrentUser LIAISON1 = CurrentUser.of("liaison1", Role.LIAISON);
    private static final CurrentUser MANAGER = CurrentUser.of("manager", Role.MANAGER);

    @Autowired
    Alerts alerts;

    @Autowired
    DemoProperties demo;

    @Autowired
    Driver driver;

    @Test
    void theCollapsedReferrerIsAmongTheAlertsOfTheLiaisonWhoseTerritoryHoldsHer() {
        String whitfield = GeneratedDemoRegion.of(demo).planted().collapsedReferrerId();
        var drifting = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.DRIFTING_REFERRER, null), LIAISON4, 500);
        var alert = drifting.stream().filter(a -> a.physicianId().equals(whitfield)).findFirst().orElseThrow();
        assertThat(alert.title()).isEqualTo("Eleanor Whitfield, MD is referring less in network");
        assertThat(alert.reason()).contains("Eleanor Whitfield, MD kept", "fewer", "by chance less than once in a thousand");
        assertThat(alert.figures()).extracting(Alert.Figure::label).anyMatch(l -> l.startsWith("Kept referrals expected"));
        assertThat(alert.recipients()).contains("liaison4");
        assertThat(alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.DRIFTING_REFERRER, null), LIAISON1, 500))
                .extracting(Alert::physicianId).doesNotContain(whitfield);
    }

    @Test
    void theSpecialistWhoMovedToTheCompetitorPutsTheirReferrersAtRisk() {
        var moved = GraphFixtures.rows(driver, "MATCH (p:Physician) WHERE p.leftNetworkOn IS NOT NULL RETURN p.id AS id", Map.of());
        assertThat(moved).hasSize(1);
        String id = moved.get(0).get("id").asString();
        var atRisk = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.NETWORK_AT_RISK, null), MANAGER, 100);
        assertThat(atRisk).singleElement().satisfies(alert -> {
            assertThat(alert.physicianId()).isEqualTo(id);
            assertThat(alert.referrers()).hasSizeGreaterThan(5);
            long senders = GraphFixtures.count(driver, """
                    MATCH (s:Physician)-[r:REFERRED]->(:Physician {id: $id})
                    WHERE s.inNetwork AND r.periodStart >= date($to) - duration('P12M') AND r.periodStart < date($to)
                    RETURN count(DISTINCT s)
                    """, Map.of("id", id, "to", demo.lastMonthOrDefault().plusMonths(1).atDay(1).toString()));
            assertThat(alert.referrers()).hasSize((int) senders);
            assertThat(alert.recipients()).isNotEmpty();
        });
    }
}
