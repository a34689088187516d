package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.audit.AuditEvent;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.report.ReportResult;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, """
                MATCH (n) WHERE n:Territory OR n:Interaction OR n:Goal OR n:VisitPlan
                   OR (n:User AND n.username STARTS WITH 'fx-')
                DETACH DELETE n
                """);
        GraphFixtures.run(driver, """
                CREATE (home:HealthSystem {id: 'home', name: 'Home Health', home: true}),
                       (rival:HealthSystem {id: 'rival', name: 'Rival Health', home: false}),
                       (ph:Practice {id: 'PH', name: 'Home Practice', zip: '02169'})-[:PART_OF]->(home),
                       (pr:Practice {id: 'PR', name: 'Rival Practice', zip: '02101'})-[:PART_OF]->(rival),
                       (fh:Facility {id: 'FH', name: 'Home Hospital', type: 'HOSPITAL'})-[:PART_OF]->(home),
                       (fr:Facility {id: 'FR', name: 'Rival Hospital', type: 'HOSPITAL'})-[:PART_OF]->(rival),
                       (a:Physician {id: 'a', name: 'A', specialty: 'Family Medicine', serviceLine: 'Primary Care',
                                     zip: '02169', lat: 42.25, lon: -71.00})-[:PRACTICES_AT]->(ph),
                       (b:Physician {id: 'b', name: 'B', specialty: 'Internal Medicine', serviceLine: 'Primary Care',
                                     zip: '02169', lat: 42.26, lon: -71.02})-[:PRACTICES_AT]->(ph),
                       (c:Physician {id: 'c', name: 'C', specialty: 'Family Medicine', serviceLine: 'Primary Care',
                                     zip: '02169', lat: 42.24, lon: -70.99})-[:PRACTICES_AT]->(ph),
                       (d:Physician {id: 'd', name: 'D', specialty: 'Family Medicine', serviceLine: 'Primary Care',
                                     zip: '02169'})-[:PRACTICES_AT]->(ph),
                       (e:Physician {id: 'e', name: 'E', specialty: 'Family Medicine', zip: '99999'}),
                       (s:Physician {id: 's', name: 'S', specialty: 'Orthopaedic Surgery', zip: '02101'})-[:PRACTICES_AT]->(ph),
                       (o:Physician {id: 'o', name: 'O', specialty: 'Orthopaedic Surgery', zip: '02101'})-[:PRACTICES_AT]->(pr),
                       (o)-[:EMPLOYED_BY]->(rival),
                       (z:Physician {id: 'z', name: 'Z', specialty: 'Cardiology', zip: '99998'}),
                       (y:Physician {id: 'y', name: 'Y', specialty: 'Cardiology', zip: '99998'}),
                       (a)-[:REFERRED {periodStart: date('2026-01-01'), periodEnd: date('2026-02-01'), serviceLine: 'Orthopedics', referrals: 20, patients: 20}]->(o),
                       (a)-[:REFERRED {periodStart: date('2026-02-01'), periodEnd: date('2026-03-01'), serviceLine: 'Orthopedics', referrals: 10, patients: 10}]->(s),
                       (b)-[:REFERRED {periodStart: date('2026-01-01'), periodEnd: date('2026-02-01'), serviceLine: 'Cardiology', referrals: 10, patients: 10}]->(fr),
                       (c)-[:REFERRED {periodStart: date('2026-02-01'), periodEnd: date('2026-03-01'), serviceLine: 'Orthopedics', referrals: 12, patients: 12}]->(s),
                       (z)-[:REFERRED {periodStart: date('2026-04-01'), periodEnd: date('2026-05-01'), serviceLine: 'Cardiology', referrals: 1, patients: 1}]->(y),
                       (lee:User {username: 'fx-lee', roles: ['LIAISON']}),
                       (sam:User {username: 'fx-sam', roles: ['LIAISON']}),
                       (t1:Territory {id: 't1', name: 'Quincy', zips: ['02169']}),
                       (lee)-[:COVERS]->(t1),
                       (lee)-[:LOGGED]->(:Interaction {id: 'i1', type: 'IN_PERSON_VISIT', date: date('2026-01-29'), reached: 'PHYSICIAN', loggedAt: datetime('2026-01-29T17:00Z')})-[:WITH]->(c),
                       (lee)-[:LOGGED]->(:Interaction {id: 'i2', type: 'DROP_OFF', date: date('2025-11-15'), reached: 'OFFICE_STAFF', followUpDate: date('2025-11-29'), loggedAt: datetime('2025-11-15T17:00Z')})-[:WITH]->(b),
                       (sam)-[:LOGGED]->(:Interaction {id: 'i3', type: 'PHONE_CALL', date: date('2026-01-10'), reached: 'NONE', followUpDate: date('2026-01-20'), loggedAt: datetime('2026-01-10T17:00Z')})-[:WITH]->(c)
                """);
        membership.recompute();
        rollup.rebuild();
    }

    @AfterEach
    void signOut() {
        security.clearContext();
    }

    private CurrentUser actAs(String username, String role) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        security.getContext().setAuthentication(authentication);
        return CurrentUser.of(authentication);
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
