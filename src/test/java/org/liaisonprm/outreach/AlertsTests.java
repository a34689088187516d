package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralCalendar;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.report.ReportProperties;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every kind of alert, tasks and their scoping on one small graph whose answers are worked out by hand.
 * <p>
 * Home owns practice PH (ZIP 02169), rival owns PR (02101). Territory fx-t1 is 02169, covered by fx-lee;
 * fx-t2 is 02101, covered by fx-sam. The data ends with February 2026: the recent window is December 2025 to
 * February 2026, the baseline the twelve months before (December 2024 to November 2025). Today is 15 March
 * 2026.
 * <ul>
 * <li><b>drop</b> (IN, 02169) sent 10 a month to s (IN) in the baseline and 2 a month since: 30 kept expected,
 *     6 seen, 80 % fewer, P(X ≤ 6 | Poisson 30) = 1.2e-7 — drifting.</li>
 * <li><b>chance</b> (IN) sent 6 a month, then 4: 18 expected, 12 seen, a third fewer, but P = 0.092 — within
 *     chance, <i>not</i> drifting.</li>
 * <li><b>split</b> (IN) sent 9 to s and 1 to o (OUT) a month, then 8 and 6: kept only 11 % below expectation,
 *     but 18 of 42 (43 %) left against 10 % before, P(X ≥ 18 | Binomial 42, 0.1) = 3.3e-8 — drifting.</li>
 * <li><b>mover</b> (Urology, 02101) practised at PH and moves to PR: r1 (IN, 02169) sent 5 a month from March
 *     2025 (60), r2 (IN) 2 in January 2026 (and 7 in February 2025, before the 12 months); r3 (OUT) sent 10,
 *     already leaking. At risk: r1 and r2, 62 referrals × $6,000 = $372,000.</li>
 * <li><b>newbie</b> (independent, 02169) and r3 (02101) first sent in January 2026 — new in the market;
 *     stubby (a stub) and faraway (in no territory) are new too but left out. Family medicine over the last 12 months: 8 senders,
 *     370 referrals, 271 kept — 46 a physician, 27 % out of network.</li>
 * <li>fx-lee's follow-up with drop was due 10 March: 5 days overdue. Her follow-up with chance (due 5 March) was
 *     answered by fx-sam's visit on 8 March; the one with split is due 20 March.</li>
 * </ul>
 */
@EmptyGraphTest
class AlertsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final CurrentUser LEE = CurrentUser.of("fx-lee", Role.LIAISON);
    private static final CurrentUser SAM = CurrentUser.of("fx-sam", Role.LIAISON);
    private static final CurrentUser MANAGER = CurrentUser.of("fx-manager", Role.MANAGER);
    private static final CurrentUser ADMIN = CurrentUser.of("fx-admin", Role.ADMIN);

    @Autowired
    Driver driver;

    @Autowired
    Graph graph;

    @Autowired
    NetworkMembership membership;

    @Autowired
    ReferralRollup rollup;

    @Autowired
    Territories territories;

    @Autowired
    InfluenceScores influence;

    @Autowired
    ReferralCalendar calendar;

    @Autowired
    OutreachProperties properties;

    @Autowired
    AlertProperties settings;

    @Autowired
    ReportProperties revenue;

    @Autowired
    AuditTrail audit;

    @Autowired
    Digests digests;

    private Clock clock;
    private Tasks tasks;
    private Targets targets;
    private Alerts alerts;

    @BeforeEach
    void graph() {
        clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        tasks = new Tasks(graph, audit, clock);
        targets = new Targets(graph, territories, influence, calendar, properties, revenue, clock);
        alerts = new Alerts(graph, calendar, territories, targets, tasks, audit, settings, revenue, clock);
        createAlertGraph(driver);
        membership.recompute();
        // the move, as an import of a registry file would show it
        GraphFixtures.run(driver, """
                MATCH (m:Physician {id: 'mover'})-[old:PRACTICES_AT]->(:Practice {id: 'PH'})
                DELETE old
                WITH m MATCH (pr:Practice {id: 'PR'}) CREATE (m)-[:PRACTICES_AT]->(pr)
                """);
        membership.recompute();
        rollup.rebuild();
    }

    static void createAlertGraph(Driver driver) {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, """
                MATCH (n) WHERE n:Territory OR n:Interaction OR n:Goal OR n:VisitPlan OR n:Alert OR n:Task OR n:AlertState
                   OR (n:User AND n.username STARTS WITH 'fx-')
                DETACH DELETE n
                """);
        GraphFixtures.run(driver, """
                CREATE (home:HealthSystem {id: 'home', name: 'Home Health', home: true}),
                       (rival:HealthSystem {id: 'rival', name: 'Rival Health', home: false}),
                       (ph:Practice {id: 'PH', name: 'Home Practice', zip: '02169'})-[:PART_OF]->(home),
                       (pr:Practice {id: 'PR', name: 'Rival Practice', zip: '02101'})-[:PART_OF]->(rival),
                       (s:Physician {id: 's', name: 'Sara Specialist', specialty: 'Orthopaedic Surgery',
                                     serviceLine: 'Orthopedics', zip: '02169'})-[:PRACTICES_AT]->(ph),
                       (o:Physician {id: 'o', name: 'Otto Outside', specialty: 'Orthopaedic Surgery',
                                     serviceLine: 'Orthopedics', zip: '02101'})-[:PRACTICES_AT]->(pr),
                       (mover:Physician {id: 'mover', name: 'Mo Mover', specialty: 'Urology', serviceLine: 'Urology',
                                         zip: '02101'})-[:PRACTICES_AT]->(ph),
                       (r3:Physician {id: 'r3', name: 'Rex Three', specialty: 'Family Medicine', zip: '02101'})-[:PRACTICES_AT]->(pr),
                       (newbie:Physician {id: 'newbie', name: 'Nina New', specialty: 'Family Medicine', zip: '02169'}),
                       (:Physician {id: 'stubby', stub: true, zip: '02169'}),
                       (:Physician {id: 'faraway', name: 'Far Away', specialty: 'Family Medicine', zip: '99999'})
                WITH ph
                UNWIND [['drop', 'Dora Drop'], ['chance', 'Chet Chance'], ['split', 'Sid Split'], ['r1', 'Rita One'],
                        ['r2', 'Ray Two']] AS p
                CREATE (:Physician {id: p[0], name: p[1], specialty: 'Family Medicine', serviceLine: 'Primary Care',
                                    zip: '02169'})-[:PRACTICES_AT]->(ph)
                """);
        var rows = new ArrayList<Map<String, Object>>();
        LocalDate baseline = LocalDate.of(2024, 12, 1);
        LocalDate recent = LocalDate.of(2025, 12, 1);
        for (int m = 0; m < 12; m++) {
            LocalDate month = baseline.plusMonths(m);
            rows.add(referral("drop", "s", month, 10, "Orthopedics"));
            rows.add(referral("chance", "s", month, 6, "Orthopedics"));
            rows.add(referral("split", "s", month, 9, "Orthopedics"));
            rows.add(referral("split", "o", month, 1, "Orthopedics"));
        }
        for (int m = 0; m < 3; m++) {
            LocalDate month = recent.plusMonths(m);
            rows.add(referral("drop", "s", month, 2, "Orthopedics"));
            rows.add(referral("chance", "s", month, 4, "Orthopedics"));
            rows.add(referral("split", "s", month, 8, "Orthopedics"));
            rows.add(referral("split", "o", month, 6, "Orthopedics"));
        }
        for (int m = 0; m < 12; m++) {
            rows.add(referral("r1", "mover", LocalDate.of(2025, 3, 1).plusMonths(m), 5, "Urology"));
        }
        rows.add(referral("r2", "mover", LocalDate.of(2026, 1, 1), 2, "Urology"));
        rows.add(referral("r2", "mover", LocalDate.of(2025, 2, 1), 7, "Urology"));
        rows.add(referral("r3", "mover", LocalDate.of(2026, 1, 1), 10, "Urology"));
        rows.add(referral("newbie", "s", LocalDate.of(2026, 1, 1), 3, "Orthopedics"));
        rows.add(referral("stubby", "s", LocalDate.of(2026, 1, 1), 1, "Orthopedics"));
        rows.add(referral("faraway", "s", LocalDate.of(2026, 1, 1), 1, "Orthopedics"));
        GraphFixtures.run(driver, """
                UNWIND $rows AS row
                MATCH (a:Physician {id: row.from}), (b:Physician {id: row.to})
                CREATE (a)-[:REFERRED {periodStart: row.month, periodEnd: row.month + duration('P1M'),
                                       serviceLine: row.line, referrals: row.n, patients: row.n, source: 'test'}]->(b)
                """, Map.of("rows", rows));
        GraphFixtures.run(driver, """
                CREATE (lee:User {username: 'fx-lee', displayName: 'Lee Fixture', roles: ['LIAISON'], enabled: true,
                                  email: 'lee@example.org'}),
                       (sam:User {username: 'fx-sam', displayName: 'Sam Fixture', roles: ['LIAISON'], enabled: true,
                                  email: 'sam@example.org'}),
                       (:User {username: 'fx-manager', displayName: 'Max Manager', roles: ['MANAGER'], enabled: true,
                               email: 'max@example.org'}),
                       (lee)-[:COVERS]->(:Territory {id: 'fx-t1', name: 'Quincy Fixture', zips: ['02169']}),
                       (sam)-[:COVERS]->(:Territory {id: 'fx-t2', name: 'Boston Fixture', zips: ['02101']})
                WITH lee, sam
                MATCH (drop:Physician {id: 'drop'}), (chance:Physician {id: 'chance'}), (split:Physician {id: 'split'})
                CREATE (lee)-[:LOGGED]->(:Interaction {id: 'fx-i1', type: 'PHONE_CALL', reached: 'PHYSICIAN',
                         date: date('2026-03-01'), followUpDate: date('2026-03-10'), outcome: 'asked for the new MRI slots',
                         loggedAt: datetime('2026-03-01T10:00:00Z')})-[:WITH]->(drop),
                       (lee)-[:LOGGED]->(:Interaction {id: 'fx-i2', type: 'IN_PERSON_VISIT', reached: 'PHYSICIAN',
                         date: date('2026-03-02'), followUpDate: date('2026-03-05'),
                         loggedAt: datetime('2026-03-02T10:00:00Z')})-[:WITH]->(chance),
                       (sam)-[:LOGGED]->(:Interaction {id: 'fx-i3', type: 'DROP_OFF', reached: 'OFFICE_STAFF',
                         date: date('2026-03-08'), loggedAt: datetime('2026-03-08T10:00:00Z')})-[:WITH]->(chance),
                       (lee)-[:LOGGED]->(:Interaction {id: 'fx-i4', type: 'PHONE_CALL', reached: 'PHYSICIAN',
                         date: date('2026-03-03'), followUpDate: date('2026-03-20'),
                         loggedAt: datetime('2026-03-03T10:00:00Z')})-[:WITH]->(split)
                """);
    }

    private static Map<String, Object> referral(String from, String to, LocalDate month, int n, String line) {
        var row = new HashMap<String, Object>();
        row.put("from", from);
        row.put("to", to);
        row.put("month", month);
        row.put("n", n);
        row.put("line", line);
        return row;
    }

    private static List<String> ids(List<Alert> found, AlertKind kind) {
        return found.stream().filter(a -> a.kind() == kind).map(Alert::physicianId).sorted().toList();
    }

    private static String figure(Alert alert, String labelStart) {
        return alert.figures().stream().filter(f -> f.label().startsWith(labelStart)).findFirst().orElseThrow().value();
    }

    @Test
    void aCollapseAndARisingShareOutAreDriftButAFallWithinChanceIsNot() {
        alerts.refresh();
        var all = alerts.find(Alerts.Filter.OPEN, MANAGER, 1_000);
        assertThat(ids(all, AlertKind.DRIFTING_REFERRER)).containsExactly("drop", "split");

        var drop = all.stream().filter(a -> a.kind() == AlertKind.DRIFTING_REFERRER && a.physicianId().equals("drop")).findFirst().orElseThrow();
        assertThat(drop.reason()).contains("Dora Drop kept 6 referrals in network in Dec 2025 to Feb 2026",
                "predicts 30 (80 % fewer)", "less than once in a thousand");
        assertThat(figure(drop, "Kept referrals a month, Dec 2024")).isEqualTo("10.0");
        assertThat(figure(drop, "Kept referrals a month, Dec 2025")).isEqualTo("2.0");
        assertThat(figure(drop, "Kept referrals expected")).isEqualTo("30");
        assertThat(figure(drop, "Chance of so few kept")).isEqualTo("below 0.001");
        assertThat(drop.recipients()).containsExactly("fx-lee");
        assertThat(drop.targetName()).isEqualTo("Dora Drop");

        var split = all.stream().filter(a -> a.kind() == AlertKind.DRIFTING_REFERRER && a.physicianId().equals("split")).findFirst().orElseThrow();
        assertThat(split.reason()).contains("sent 43 % of referrals out of network", "against 10 %").doesNotContain("fewer");
        assertThat(figure(split, "Share out of network, Dec 2025")).isEqualTo("43 %");
    }

    @Test
    void aPhysicianWhoLeftTheNetworkPutsTheirInNetworkReferrersAtRisk() {
        alerts.refresh();
        var atRisk = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.NETWORK_AT_RISK, null), MANAGER, 100);
        assertThat(atRisk).hasSize(1);
        var alert = atRisk.get(0);
        assertThat(alert.physicianId()).isEqualTo("mover");
        assertThat(alert.referrers()).extracting(Alert.Referrer::physicianId).containsExactly("r1", "r2");
        assertThat(alert.referrers()).extracting(Alert.Referrer::referrals).containsExactly(60L, 2L);
        assertThat(alert.referrers().get(0).revenue()).isEqualTo(60 * 6000.0);
        assertThat(figure(alert, "Referrers at risk")).isEqualTo("2");
        assertThat(figure(alert, "Referrals at risk, Mar 2025 to Feb 2026")).isEqualTo("62");
        assertThat(figure(alert, "Revenue at risk")).isEqualTo("$372,000");
        assertThat(figure(alert, "Was")).isEqualTo("In network");
        assertThat(figure(alert, "Now practises at")).isEqualTo("Rival Practice (Rival Health)");
        assertThat(alert.title()).isEqualTo("Mo Mover left the network: 2 referrers at risk");
        // the referrers' territory and the physician's own both hear of it
        assertThat(alert.recipients()).containsExactly("fx-lee", "fx-sam");
        assertThat(alerts.find(Alerts.Filter.OPEN, SAM, 100)).extracting(Alert::kind).contains(AlertKind.NETWORK_AT_RISK);
    }

    @Test
    void newPhysiciansOfATerritoryAreRankedByHowTheirSpecialtyRefers() {
        alerts.refresh();
        var found = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.NEW_IN_MARKET, null), MANAGER, 100);
        assertThat(found).extracting(Alert::physicianId).containsExactly("newbie", "r3");
        var newbie = found.get(0);
        assertThat(figure(newbie, "First seen")).isEqualTo("Jan 2026");
        assertThat(figure(newbie, "Referrals a year")).isEqualTo("46");
        assertThat(figure(newbie, "Share out of network")).isEqualTo("27 %");
        assertThat(figure(newbie, "Network")).isEqualTo("Out of network");
    }

    @Test
    void aFollowUpPastItsDateWithNothingSinceGoesToItsAuthorOnly() {
        alerts.refresh();
        var lee = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.OVERDUE_FOLLOW_UP, null), LEE, 100);
        assertThat(lee).extracting(Alert::physicianId).containsExactly("drop");
        assertThat(figure(lee.get(0), "Days overdue")).isEqualTo("5");
        assertThat(lee.get(0).reason()).contains("due on 10 Mar 2026 after the phone call on 1 Mar 2026",
                "asked for the new MRI slots");
        assertThat(lee.get(0).recipients()).containsExactly("fx-lee");
        assertThat(alerts.find(new Alerts.Filter(null, AlertKind.OVERDUE_FOLLOW_UP, null), SAM, 100)).isEmpty();

        // a visit logged since retires it at the next computation
        GraphFixtures.run(driver, """
                MATCH (lee:User {username: 'fx-lee'}), (drop:Physician {id: 'drop'})
                CREATE (lee)-[:LOGGED]->(:Interaction {id: 'fx-i5', type: 'IN_PERSON_VISIT', reached: 'PHYSICIAN',
                         date: date('2026-03-14'), loggedAt: datetime('2026-03-14T10:00:00Z')})-[:WITH]->(drop)
                """);
        alerts.refresh();
        assertThat(alerts.find(new Alerts.Filter(null, AlertKind.OVERDUE_FOLLOW_UP, null), LEE, 100)).isEmpty();
    }

    @Test
    void theBestTargetsNobodyContactedLatelyAreRaised() {
        alerts.refresh();
        var expected = new ArrayList<String>();
        for (String territory : List.of("fx-t1", "fx-t2")) {
            for (Target t : targets.forTerritory(territory, new Targets.Filter(null, null, settings.untouched().perTerritory()), ADMIN)) {
                if (t.score() >= settings.untouched().minScore()
                        && (t.daysSinceContact() == null || t.daysSinceContact() >= settings.untouched().days())) {
                    expected.add(t.physicianId());
                }
            }
        }
        var found = ids(alerts.find(Alerts.Filter.OPEN, MANAGER, 1_000), AlertKind.TARGET_NOT_CONTACTED);
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        // contacted this month: never raised, whatever their score
        assertThat(found).doesNotContain("drop", "chance", "split");
    }

    @Test
    void liaisonsSeeTheirTerritoriesAndManagersSeeAll() {
        alerts.refresh();
        var all = alerts.find(Alerts.Filter.OPEN, MANAGER, 1_000);
        var lee = alerts.find(Alerts.Filter.OPEN, LEE, 1_000);
        var sam = alerts.find(Alerts.Filter.OPEN, SAM, 1_000);
        assertThat(lee).allSatisfy(a -> assertThat(a.recipients()).contains("fx-lee"));
        assertThat(sam).allSatisfy(a -> assertThat(a.recipients()).contains("fx-sam"));
        assertThat(ids(sam, AlertKind.DRIFTING_REFERRER)).isEmpty();
        assertThat(ids(lee, AlertKind.DRIFTING_REFERRER)).containsExactly("drop", "split");
        assertThat(all).hasSizeGreaterThanOrEqualTo(lee.size()).hasSizeGreaterThanOrEqualTo(sam.size());
        assertThat(alerts.find(Alerts.Filter.OPEN, CurrentUser.of("fx-viewer", Role.VIEWER), 100)).isEmpty();
        var dropAlert = lee.stream().filter(a -> a.kind() == AlertKind.DRIFTING_REFERRER && a.physicianId().equals("drop"))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> alerts.dismiss(dropAlert.id(), "not mine", SAM)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> alerts.toTask(dropAlert.id(), null, SAM)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aDismissedAlertStaysDismissedAndIsNotRaisedAgain() {
        alerts.refresh();
        var split = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.DRIFTING_REFERRER, "split"), LEE, 10).get(0);
        assertThatThrownBy(() -> alerts.dismiss(split.id(), "  ", LEE)).isInstanceOf(OutreachException.class)
                .extracting(e -> ((OutreachException) e).field()).isEqualTo("reason");
        var dismissed = alerts.dismiss(split.id(), "Moving his orthopedics to us next month, told us so", LEE);
        assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(dismissed.closedBy()).isEqualTo("fx-lee");
        assertThat(dismissed.dismissReason()).isEqualTo("Moving his orthopedics to us next month, told us so");
        assertThatThrownBy(() -> alerts.dismiss(split.id(), "again", LEE)).isInstanceOf(OutreachException.class);

        alerts.refresh();
        assertThat(alerts.find(new Alerts.Filter(null, AlertKind.DRIFTING_REFERRER, "split"), LEE, 10))
                .singleElement().extracting(Alert::status).isEqualTo(AlertStatus.DISMISSED);
        assertThat(audit.find(new AuditTrail.Filter(null, null, "fx-lee", AuditType.ALERT_CHANGED), 10))
                .anySatisfy(e -> assertThat(e.detail()).contains("dismissed", "told us so"));
    }

    @Test
    void anAlertBecomesATaskThatItsOwnerCloses() {
        alerts.refresh();
        var drop = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.DRIFTING_REFERRER, "drop"), LEE, 10).get(0);
        Task task = alerts.toTask(drop.id(), null, LEE);
        assertThat(task.owner()).isEqualTo("fx-lee");
        assertThat(task.physicianId()).isEqualTo("drop");
        assertThat(task.title()).isEqualTo("Dora Drop is referring less in network");
        assertThat(task.notes()).isEqualTo(drop.reason());
        assertThat(task.due()).isEqualTo(TODAY.plusDays(7));
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.alertId()).isEqualTo(drop.id());
        var after = alerts.find(drop.id(), LEE).orElseThrow();
        assertThat(after.status()).isEqualTo(AlertStatus.TASK);
        assertThat(after.taskId()).isEqualTo(task.id());
        assertThatThrownBy(() -> alerts.toTask(drop.id(), null, LEE)).isInstanceOf(OutreachException.class);

        var done = tasks.update(task.id(), new TaskDraft(null, null, null, null, TaskStatus.DONE), LEE);
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedAt()).isNotNull();
        assertThat(tasks.counts(MANAGER)).filteredOn(c -> c.username().equals("fx-lee"))
                .singleElement().satisfies(c -> {
                    assertThat(c.open()).isZero();
                    assertThat(c.doneThisWeek()).isEqualTo(1);
                });
    }

    @Test
    void tasksAreScopedAsInteractionsAre() {
        var task = tasks.create(new TaskDraft("chance", "Scheduling line unanswered", TODAY.minusDays(1), "Rang twice", null), null, LEE);
        assertThat(task.overdue()).isTrue();
        assertThat(task.ownerName()).isEqualTo("Lee Fixture");
        assertThat(task.targetName()).isEqualTo("Chet Chance");
        assertThat(tasks.find(Tasks.Filter.ALL, LEE, 100)).extracting(Task::id).containsExactly(task.id());
        assertThat(tasks.find(Tasks.Filter.ALL, SAM, 100)).isEmpty();
        assertThat(tasks.find(task.id(), SAM)).isEmpty();
        assertThatThrownBy(() -> tasks.update(task.id(), new TaskDraft(null, "mine now", null, null, null), SAM))
                .isInstanceOf(OutreachException.class);
        assertThat(tasks.find(Tasks.Filter.ALL, MANAGER, 100)).extracting(Task::id).contains(task.id());
        assertThat(tasks.find(new Tasks.Filter(null, null, null, true), MANAGER, 100)).extracting(Task::id).contains(task.id());
        assertThatThrownBy(() -> tasks.update(task.id(), new TaskDraft(null, null, null, null, TaskStatus.DONE), MANAGER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tasks.counts(MANAGER)).filteredOn(c -> c.username().equals("fx-lee"))
                .singleElement().satisfies(c -> assertThat(c.overdue()).isEqualTo(1));
        assertThat(tasks.counts(LEE)).isEmpty();

        var waiting = tasks.update(task.id(), new TaskDraft(null, null, TODAY.plusDays(3), null, TaskStatus.WAITING), ADMIN);
        assertThat(waiting.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(waiting.overdue()).isFalse();
        assertThat(waiting.notes()).isEqualTo("Rang twice");
        assertThatThrownBy(() -> tasks.update(task.id(), new TaskDraft("drop", null, null, null, null), LEE))
                .isInstanceOf(OutreachException.class);
        assertThat(audit.find(new AuditTrail.Filter(null, null, null, AuditType.TASK_CHANGED), 100))
                .filteredOn(e -> task.id().equals(e.target())).hasSize(2);
    }

    @Test
    void withoutAMailServerNothingIsSentAndNothingFails() {
        assertThat(digests.configured()).isFalse();
        assertThatThrownBy(() -> digests.sendAll("fx-admin")).isInstanceOf(Digests.NotConfiguredException.class)
                .hasMessageContaining("spring.mail.host");
        digests.weekly();
        var lee = digests.compose(new org.liaisonprm.security.UserAccounts.UserAccount("fx-lee", null, "Lee Fixture",
                List.of("LIAISON"), true, 0, null, null, null, "lee@example.org", null));
        assertThat(lee.to()).isEqualTo("lee@example.org");
        assertThat(lee.text()).contains("New alerts", "Tasks due", "This week's plan");
    }

    @Test
    void badTasksAreRefusedNamingTheField() {
        assertThatThrownBy(() -> tasks.create(new TaskDraft("chance", " ", null, null, null), null, LEE))
                .extracting(e -> ((OutreachException) e).field()).isEqualTo("title");
        assertThatThrownBy(() -> tasks.create(new TaskDraft("nobody", "Call", null, null, null), null, LEE))
                .extracting(e -> ((OutreachException) e).field()).isEqualTo("physicianId");
        assertThatThrownBy(() -> tasks.create(new TaskDraft(null, "Call", null, null, null), null, LEE))
                .extracting(e -> ((OutreachException) e).field()).isEqualTo("physicianId");
        assertThatThrownBy(() -> tasks.create(new TaskDraft("chance", "Call", TODAY.plusYears(3), null, null), null, LEE))
                .extracting(e -> ((OutreachException) e).field()).isEqualTo("due");
        assertThatThrownBy(() -> tasks.create(new TaskDraft("chance", "x".repeat(201), null, null, null), null, LEE))
                .extracting(e -> ((OutreachException) e).field()).isEqualTo("title");
        assertThatThrownBy(() -> tasks.create(new TaskDraft("chance", "Call", null, null, null), null,
                CurrentUser.of("fx-viewer", Role.VIEWER))).isInstanceOf(AccessDeniedException.class);
        assertThat(tasks.find(Tasks.Filter.ALL, MANAGER, 100)).isEmpty();
    }
}
