package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.SignedIn;
import org.liaisonprm.audit.AuditEvent;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.report.ReportResult;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The home dashboards' figures on the graph of {@link OutreachTests}, with one more referral in April 2026 between
 * two physicians nobody covers (z to y), so that the referral data runs through April and every contacted
 * physician's 90-day window after the first contact has ended.
 *
 * <p>outreach-roi over 90 days, worked out in OutreachTests: c +7 kept referrals against its peers, $3,500;
 * b 0, $0. Summed: 2 physicians, +7 kept, $3,500.
 */
@EmptyGraphTest
class OutreachFiguresTests {

    @Autowired
    Driver driver;

    @Autowired
    NetworkMembership membership;

    @Autowired
    ReferralRollup rollup;

    @Autowired
    OutreachFigures figures;

    @Autowired
    Territories territories;

    @Autowired
    AuditTrail audit;

    /** The application's own strategy: the static holder may belong to another test context. */
    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void graph() {
        OutreachTests.createOutreachGraph(driver);
        // two physicians no territory covers, referring in April 2026: every 90-day window has ended by then
        GraphFixtures.run(driver, """
                CREATE (z:Physician {id: 'z', name: 'Z', specialty: 'Cardiology', zip: '99998'}),
                       (y:Physician {id: 'y', name: 'Y', specialty: 'Cardiology', zip: '99998'}),
                       (z)-[:REFERRED {periodStart: date('2026-04-01'), periodEnd: date('2026-05-01'), serviceLine: 'Cardiology', referrals: 1, patients: 1}]->(y)
                """);
        membership.recompute();
        rollup.rebuild();
    }

    @AfterEach
    void signOut() {
        security.clearContext();
    }

    private CurrentUser actAs(String username, String role) {
        return SignedIn.as(security, username, role);
    }

    private List<AuditEvent> reportRuns(String username) {
        return audit.find(new AuditTrail.Filter(null, null, username, AuditType.REPORT_RUN), 1000);
    }

    @Test
    void theRoiSumsTheReportAndIsAudited() {
        var manager = actAs("fx-manager", "MANAGER");
        int before = reportRuns("fx-manager").size();
        var roi = figures.roi(manager);
        assertThat(roi).isEqualTo(new OutreachFigures.Roi(90, 2, 7.0, 3500.0));
        var runs = reportRuns("fx-manager");
        assertThat(runs).hasSize(before + 1);
        assertThat(runs.get(0).target()).isEqualTo("outreach-roi");
        assertThat(runs.get(0).detail()).isEqualTo("{\"window\":90}");
        assertThat(runs.get(0).rows()).isEqualTo(2L);
    }

    @Test
    void roiColumnsAreFoundByName() {
        var result = new ReportResult(List.of("revenueEffect", "physicianId", "keptEffect"), List.of(
                List.<Object>of(1500.0, "p", 3.0), List.<Object>of(-500L, "q", -1L)), false, 0);
        assertThat(OutreachFigures.Roi.of(60, result)).isEqualTo(new OutreachFigures.Roi(60, 2, 2.0, 1000.0));
        assertThat(OutreachFigures.Roi.of(60, new ReportResult(List.of("keptEffect", "revenueEffect"), List.of(),
                false, 0))).isEqualTo(new OutreachFigures.Roi(60, 0, 0, 0));
    }

    /**
     * Lee covers Quincy, whose physicians a, b, c and d are all targets; the widest gaps of the score keep their
     * order whatever today is (every last contact is long past): a, b, c, d.
     */
    @Test
    void topTargetsAreTheBestOfTheCoveredTerritories() {
        var lee = actAs("fx-lee", "LIAISON");
        var covered = territories.coveredBy("fx-lee");
        var top = figures.topTargets(covered, lee);
        assertThat(top).extracting(Target::physicianId).containsExactly("a", "b", "c", "d");
        assertThat(top).extracting(Target::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(figures.topTargets(List.of(), lee)).isEmpty();
    }
}
