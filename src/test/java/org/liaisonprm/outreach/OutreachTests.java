package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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
import org.liaisonprm.report.ReportRunner;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Outreach on one small graph whose answers are worked out by hand.
 * <p>
 * Home owns practice PH and hospital FH; rival owns practice PR and hospital FR. Territory T1 is ZIP 02169,
 * where a, b, c, d practise at PH (IN); s practises at PH in 02101, o at PR (OUT) in 02101. Referrals:
 * <pre>
 *   a->o Orthopedics Jan 2026 20 (leaked)     b->FR Cardiology Jan 2026 10 (leaked)
 *   a->s Orthopedics Feb 2026 10 (kept)       c->s Orthopedics Feb 2026 12 (kept)
 * </pre>
 * The data ends with February 2026, so the 12-month window is March 2025 to February 2026.
 * <ul>
 * <li>a: 30 referrals, 10 kept (33 %, SPLITTER), 20 leaked × $15,000 = $300,000, never contacted.</li>
 * <li>b: 10 referrals, none kept (OPPORTUNITY), 10 × $14,000 = $140,000; last contact 2025-11-15.</li>
 * <li>c: 12 referrals, all kept (LOYALIST); last contact 2026-01-29, 45 days before 2026-03-15.</li>
 * <li>d: no referrals (no segment), never contacted.</li>
 * </ul>
 * Influence: the physician edges a→o, a→s, c→s reversed are o→a (20), s→a (10), s→c (12). o and s have no
 * incoming edge and score the PageRank minimum 0.15; c gets part of s's; a gets all of o's and part of s's, so
 * a > c > o = s. Percentiles (share of the four ranked with a lower score): a 1, c 2/3, o and s 0; b and d are
 * not ranked (0). With the default weights .40/.25/.20/.15:
 * <pre>
 *   a = 40·1 + 25·1 + 20·0.6 + 15·1            = 92
 *   b = 40·(140/300) + 0 + 20·1 + 15·1          = 53.667 (last contact 120 days ago: recency full)
 *   c = 0 + 25·(2/3) + 20·0.1 + 15·(45/90)      = 26.167
 *   d = 0 + 0 + 0 + 15·1                        = 15
 * </pre>
 */
@EmptyGraphTest
class OutreachTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final CurrentUser LEE = CurrentUser.of("fx-lee", Role.LIAISON);
    private static final CurrentUser SAM = CurrentUser.of("fx-sam", Role.LIAISON);
    private static final CurrentUser MANAGER = CurrentUser.of("fx-manager", Role.MANAGER);

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
    ReportProperties revenue;

    @Autowired
    Goals goals;

    @Autowired
    VisitPlans plans;

    @Autowired
    AuditTrail audit;

    @Autowired
    ReportRunner reports;

    @BeforeEach
    void graph() {
        createOutreachGraph(driver);
        membership.recompute();
        rollup.rebuild();
    }

    /**
     * The outreach fixture: a home and a rival system, practices and hospitals, physicians a to s in and out of
     * network with their referrals, territories, liaisons and their interactions. Network membership is left to
     * the caller.
     */
    static void createOutreachGraph(Driver driver) {
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
                       (a)-[:REFERRED {periodStart: date('2026-01-01'), periodEnd: date('2026-02-01'), serviceLine: 'Orthopedics', referrals: 20, patients: 20}]->(o),
                       (a)-[:REFERRED {periodStart: date('2026-02-01'), periodEnd: date('2026-03-01'), serviceLine: 'Orthopedics', referrals: 10, patients: 10}]->(s),
                       (b)-[:REFERRED {periodStart: date('2026-01-01'), periodEnd: date('2026-02-01'), serviceLine: 'Cardiology', referrals: 10, patients: 10}]->(fr),
                       (c)-[:REFERRED {periodStart: date('2026-02-01'), periodEnd: date('2026-03-01'), serviceLine: 'Orthopedics', referrals: 12, patients: 12}]->(s),
                       (lee:User {username: 'fx-lee', roles: ['LIAISON']}),
                       (sam:User {username: 'fx-sam', roles: ['LIAISON']}),
                       (t1:Territory {id: 't1', name: 'Quincy', zips: ['02169']}),
                       (lee)-[:COVERS]->(t1),
                       (lee)-[:LOGGED]->(:Interaction {id: 'i1', type: 'IN_PERSON_VISIT', date: date('2026-01-29'), reached: 'PHYSICIAN', loggedAt: datetime('2026-01-29T17:00Z')})-[:WITH]->(c),
                       (lee)-[:LOGGED]->(:Interaction {id: 'i2', type: 'DROP_OFF', date: date('2025-11-15'), reached: 'OFFICE_STAFF', followUpDate: date('2025-11-29'), loggedAt: datetime('2025-11-15T17:00Z')})-[:WITH]->(b),
                       (sam)-[:LOGGED]->(:Interaction {id: 'i3', type: 'PHONE_CALL', date: date('2026-01-10'), reached: 'NONE', followUpDate: date('2026-01-20'), loggedAt: datetime('2026-01-10T17:00Z')})-[:WITH]->(c)
                """);
    }

    private Targets targets() {
        return new Targets(graph, territories, influence, calendar, properties, revenue,
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private Interactions interactions() {
        return new Interactions(graph, audit, Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    void targetsAreRankedByTheDocumentedScore() {
        var ranked = targets().forTerritory("t1", Targets.Filter.ALL, LEE);
        assertThat(ranked).extracting(Target::physicianId).containsExactly("a", "b", "c", "d");
        assertThat(ranked).extracting(Target::score).satisfiesExactly(
                a -> assertThat(a).isCloseTo(92.0, within(1e-6)),
                b -> assertThat(b).isCloseTo(40.0 * 140 / 300 + 20 + 15, within(1e-6)),
                c -> assertThat(c).isCloseTo(25.0 * 2 / 3 + 2 + 7.5, within(1e-6)),
                d -> assertThat(d).isCloseTo(15.0, within(1e-6)));
        Target a = ranked.get(0);
        assertThat(a.leaked()).isEqualTo(20);
        assertThat(a.leakedRevenue()).isEqualTo(300_000.0);
        assertThat(a.segment()).isEqualTo(Segment.SPLITTER);
        assertThat(a.influence()).isEqualTo(1.0);
        assertThat(a.explanation()).contains("leaked 20 referrals ($300,000)", "influence 100th percentile",
                "splitter, kept 33 %", "never contacted");
        Target c = ranked.get(2);
        assertThat(c.segment()).isEqualTo(Segment.LOYALIST);
        assertThat(c.daysSinceContact()).isEqualTo(45);
        assertThat(c.influence()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(ranked.get(1).segment()).isEqualTo(Segment.OPPORTUNITY);
        assertThat(ranked.get(3).segment()).isEqualTo(Segment.NONE);
    }

    @Test
    void targetsFilterBySegmentAndServiceLine() {
        assertThat(targets().forTerritory("t1", new Targets.Filter(null, Segment.OPPORTUNITY, 10), LEE))
                .extracting(Target::physicianId).containsExactly("b");
        // Orthopedics only: b has no referrals in it, a leaks 20 of 30, c keeps 12
        var ortho = targets().forTerritory("t1", new Targets.Filter("Orthopedics", null, 10), LEE);
        assertThat(ortho).filteredOn(t -> t.physicianId().equals("b")).singleElement()
                .satisfies(b -> assertThat(b.referrals()).isZero());
        assertThat(ortho.get(0).physicianId()).isEqualTo("a");
    }

    @Test
    void aLiaisonSeesOnlyTheTerritoriesTheyCover() {
        assertThat(territories.visibleTo(LEE)).extracting(Territory::id).containsExactly("t1");
        assertThat(territories.visibleTo(SAM)).isEmpty();
        assertThat(territories.visibleTo(MANAGER)).extracting(Territory::id).contains("t1");
        assertThat(territories.visibleTo(LEE).get(0).physicians()).isEqualTo(4);
        assertThatThrownBy(() -> targets().forTerritory("t1", Targets.Filter.ALL, SAM))
                .isInstanceOf(OutreachException.class).hasMessageContaining("no territory 't1' you may see");
    }

    @Test
    void territoryZipListsAreCheckedBeforeAnythingIsSaved() {
        assertThatThrownBy(() -> territories.save(null, "Bad", "02169, 0216, 02170", List.of(), MANAGER))
                .isInstanceOf(OutreachException.class).hasMessage("'0216' is not a 5-digit ZIP code")
                .extracting("field").isEqualTo("zips");
        assertThatThrownBy(() -> territories.save(null, "Empty", " ,\n ", List.of(), MANAGER))
                .isInstanceOf(OutreachException.class).hasMessage("A territory needs at least one ZIP code");
        assertThatThrownBy(() -> territories.save(null, "Ghost", "02169", List.of("nobody-here"), MANAGER))
                .isInstanceOf(OutreachException.class).hasMessageContaining("no user 'nobody-here'");
        assertThatThrownBy(() -> territories.save(null, "Mine", "02169", List.of(), LEE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(GraphFixtures.count(driver, "MATCH (t:Territory) RETURN count(t)")).isEqualTo(1);

        Territory saved = territories.save(null, "Quincy South", "02169 02170;02169\n02171", List.of("fx-sam"), MANAGER);
        assertThat(saved.id()).isEqualTo("quincy-south");
        assertThat(saved.zips()).containsExactly("02169", "02170", "02171");
        assertThat(territories.visibleTo(SAM)).extracting(Territory::id).containsExactly("quincy-south");
        assertThat(territories.save(null, "Quincy South", "02169", List.of(), MANAGER).id()).isEqualTo("quincy-south-2");
    }

    @Test
    void interactionsAreCheckedAndScopedAndAudited() {
        var service = interactions();
        var future = new InteractionDraft("a", InteractionType.IN_PERSON_VISIT, TODAY.plusDays(1), Reached.PHYSICIAN,
                null, null, null, null);
        assertThatThrownBy(() -> service.log(future, LEE)).isInstanceOf(OutreachException.class)
                .hasMessageContaining("cannot be dated in the future").extracting("field").isEqualTo("date");
        var unknown = new InteractionDraft("no-such-npi", InteractionType.PHONE_CALL, TODAY, Reached.NONE, null, null, null, null);
        assertThatThrownBy(() -> service.log(unknown, LEE)).isInstanceOf(OutreachException.class)
                .hasMessageContaining("no physician or practice with id 'no-such-npi'").extracting("field").isEqualTo("physicianId");
        var backwards = new InteractionDraft("a", InteractionType.PHONE_CALL, TODAY, Reached.NONE, null, null, null, TODAY.minusDays(1));
        assertThatThrownBy(() -> service.log(backwards, LEE)).extracting("field").isEqualTo("followUpDate");
        assertThat(GraphFixtures.count(driver, "MATCH (i:Interaction) RETURN count(i)")).isEqualTo(3);

        long before = audit.find(new AuditTrail.Filter(null, null, "fx-lee", AuditType.INTERACTION_CHANGED), 100).size();
        Interaction logged = service.log(new InteractionDraft("a", InteractionType.LUNCH_AND_LEARN, TODAY, Reached.PHYSICIAN,
                60, "Talked about the new MRI slots", "Will refer", TODAY.plusDays(14)), LEE);
        assertThat(logged.username()).isEqualTo("fx-lee");
        assertThat(logged.targetName()).isEqualTo("A");
        assertThat(audit.find(new AuditTrail.Filter(null, null, "fx-lee", AuditType.INTERACTION_CHANGED), 100))
                .hasSize((int) before + 1).first().satisfies(e -> assertThat(e.target()).isEqualTo(logged.id()));

        // a liaison lists only their own; a manager lists the team's
        assertThat(service.find(Interactions.Filter.ALL, SAM, 100)).extracting(Interaction::id).containsExactly("i3");
        assertThat(service.find(Interactions.Filter.ALL, MANAGER, 100)).hasSize(4);
        assertThat(service.find(new Interactions.Filter(null, Reached.PHYSICIAN, null, null, null, "t1", null), MANAGER, 100))
                .extracting(Interaction::id).containsExactlyInAnyOrder("i1", logged.id());

        // editing someone else's is refused and changes nothing
        var edit = new InteractionDraft(null, InteractionType.PHONE_CALL, TODAY, Reached.NONE, null, "changed", null, null);
        assertThatThrownBy(() -> service.update(logged.id(), edit, SAM)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.find(logged.id()).orElseThrow().notes()).isEqualTo("Talked about the new MRI slots");
        var changed = service.update(logged.id(), edit, LEE);
        assertThat(changed.notes()).isEqualTo("changed");
        assertThat(changed.type()).isEqualTo(InteractionType.PHONE_CALL);
        assertThat(audit.find(new AuditTrail.Filter(null, null, "fx-lee", AuditType.INTERACTION_CHANGED), 100))
                .hasSize((int) before + 2);
    }

    @Test
    void followUpsAreDueUntilSomeoneGetsBackInTouch() {
        var service = interactions();
        // i2 (b, follow up 2025-11-29) is due; i3 (sam, c) is overtaken by lee's later visit i1 to c
        assertThat(service.followUpsDue(LEE, TODAY)).extracting(Interaction::id).containsExactly("i2");
        assertThat(service.followUpsDue(SAM, TODAY)).isEmpty();
        service.log(new InteractionDraft("b", InteractionType.PHONE_CALL, TODAY, Reached.PHYSICIAN, 5, null, null, null), LEE);
        assertThat(service.followUpsDue(LEE, TODAY)).isEmpty();
    }

    /**
     * Territory t1 in January–February 2026: kept 10 (a→s) + 12 (c→s) = 22, all Orthopedics; leaked 20 + 10 of
     * 52 = 0.5769. fx-lee logged i1 and i2 between November and January; only i1 reached a physician.
     */
    @Test
    void goalProgressIsMeasuredOnTheGraph() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate mar = LocalDate.of(2026, 3, 1);
        var kept = goals.create("Kept", GoalMetric.KEPT_REFERRALS, null, 40, jan, mar, "TERRITORY", "t1", MANAGER);
        var keptCardio = goals.create("Kept cardio", GoalMetric.KEPT_REFERRALS, "Cardiology", 5, jan, mar, "TERRITORY", "t1", MANAGER);
        var leakage = goals.create("Leakage", GoalMetric.LEAKAGE_RATE, null, 0.6, jan, mar, "USER", "fx-lee", MANAGER);
        var logged = goals.create("Logged", GoalMetric.INTERACTIONS_LOGGED, null, 4, LocalDate.of(2025, 11, 1),
                LocalDate.of(2026, 2, 1), "USER", "fx-lee", MANAGER);
        var reached = goals.create("Reached", GoalMetric.PHYSICIANS_REACHED, null, 2, LocalDate.of(2025, 11, 1), mar,
                "TEAM", null, MANAGER);

        assertThat(goals.progress(kept).value()).isEqualTo(22.0);
        assertThat(goals.progress(kept).fraction()).isCloseTo(0.55, within(1e-9));
        assertThat(goals.progress(keptCardio).value()).isZero();
        assertThat(goals.progress(leakage).value()).isCloseTo(30.0 / 52, within(1e-9));
        assertThat(goals.progress(leakage).met()).isTrue();
        assertThat(goals.progress(logged).value()).isEqualTo(2.0);
        assertThat(goals.progress(reached).value()).isEqualTo(1.0);
        assertThat(goals.progress(reached).met()).isFalse();

        // a liaison sees the team's goals and their own and their territories'; fx-sam only the team's
        assertThat(goals.progressFor(LEE, territories)).hasSize(5);
        assertThat(goals.progressFor(SAM, territories)).extracting(p -> p.goal().name()).containsExactly("Reached");

        assertThatThrownBy(() -> goals.create("Bad", GoalMetric.LEAKAGE_RATE, null, 35, jan, mar, "TEAM", null, MANAGER))
                .extracting("field").isEqualTo("target");
        assertThatThrownBy(() -> goals.create("Bad", GoalMetric.KEPT_REFERRALS, null, 1, mar, jan, "TEAM", null, MANAGER))
                .extracting("field").isEqualTo("periodEnd");
        assertThatThrownBy(() -> goals.create("Mine", GoalMetric.KEPT_REFERRALS, null, 1, jan, mar, "TEAM", null, LEE))
                .isInstanceOf(AccessDeniedException.class);
    }

    /**
     * The plan starts at the centre of 02169 — the mean of a, b and c (d has no coordinates) — and adds a, b, c.
     * d is placed at that centre; e has no coordinates and nobody shares its ZIP, so adding d and e together is
     * refused whole.
     */
    @Test
    void plansOrderTheirStopsAndRefuseUnplaceableOnes() {
        VisitPlan plan = plans.planFor(LEE, LocalDate.of(2026, 3, 18));
        assertThat(plan.weekStart()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(plan.startZip()).isEqualTo("02169");
        assertThat(plan.startLat()).isCloseTo(42.25, within(1e-9));
        assertThat(plan.startLon()).isCloseTo(-71.003333, within(1e-6));

        plan = plans.addStops(plan.id(), List.of("b", "c", "a"), LEE);
        var start = new Route.Point(plan.startLat(), plan.startLon());
        var points = List.of(new Route.Point(42.26, -71.02), new Route.Point(42.24, -70.99), new Route.Point(42.25, -71.00));
        var expected = Route.order(start, points).stream().map(i -> List.of("b", "c", "a").get(i)).toList();
        assertThat(plan.stops()).extracting(VisitPlan.Stop::targetId).containsExactlyElementsOf(expected);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::plannedAt).containsExactly(
                LocalDateTime.of(2026, 3, 16, 9, 0), LocalDateTime.of(2026, 3, 16, 10, 30), LocalDateTime.of(2026, 3, 16, 12, 0));
        assertThat(plan.routeKm()).isCloseTo(Route.length(start, points, Route.order(start, points)), within(1e-9));

        String planId = plan.id();
        assertThatThrownBy(() -> plans.addStops(planId, List.of("d", "e"), LEE)).isInstanceOf(OutreachException.class)
                .hasMessage("E has no coordinates and no other place in ZIP 99999 has any, so it cannot be put on the route");
        assertThat(plans.find(planId, LEE).orElseThrow().stops()).hasSize(3);

        plan = plans.addStops(planId, List.of("d"), LEE);
        assertThat(plan.stops()).filteredOn(s -> s.targetId().equals("d")).singleElement()
                .satisfies(d -> assertThat(d.located()).isEqualTo("ZIP centre"));
        assertThatThrownBy(() -> plans.addStops(planId, List.of("a"), SAM)).isInstanceOf(AccessDeniedException.class);
        assertThat(plans.find(planId, SAM)).isEmpty();
        assertThat(plans.find(planId, MANAGER)).isPresent();

        plan = plans.markDone(planId, "a", "i1", LEE);
        assertThat(plan.done()).isEqualTo(1);
        plan = plans.removeStop(planId, "b", LEE);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::targetId).doesNotContain("b").contains("a");
        assertThat(plan.stops()).filteredOn(VisitPlan.Stop::done).extracting(VisitPlan.Stop::targetId).containsExactly("a");
        String ics = PlanExport.ics(plan, 45, Instant.parse("2026-03-15T08:00:00Z"));
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(plan.stops().size() + 1);
    }

    /**
     * fx-lee plans a, b and c for the week of 9 March 2026. A phone call with a on the 12th does not tick a's
     * stop; an in-person visit the same day does, linking it; a drop-off with b the week before and fx-sam's
     * visit to c tick nothing in fx-lee's plan.
     */
    @Test
    void aFaceToFaceInteractionTicksThePlannedStop() {
        var service = interactions();
        VisitPlan plan = plans.addStops(plans.planFor(LEE, LocalDate.of(2026, 3, 11)).id(), List.of("a", "b", "c"), LEE);
        LocalDate thursday = LocalDate.of(2026, 3, 12);
        service.log(new InteractionDraft("a", InteractionType.PHONE_CALL, thursday, Reached.PHYSICIAN, 5, null, null, null), LEE);
        assertThat(plans.find(plan.id(), LEE).orElseThrow().done()).isZero();

        var visit = service.log(new InteractionDraft("a", InteractionType.IN_PERSON_VISIT, thursday, Reached.PHYSICIAN,
                20, "Met after clinic", null, null), LEE);
        service.log(new InteractionDraft("b", InteractionType.DROP_OFF, LocalDate.of(2026, 3, 6), Reached.OFFICE_STAFF,
                5, null, null, null), LEE);
        service.log(new InteractionDraft("c", InteractionType.IN_PERSON_VISIT, thursday, Reached.PHYSICIAN,
                15, null, null, null), SAM);
        var stops = plans.find(plan.id(), LEE).orElseThrow().stops();
        assertThat(stops).filteredOn(VisitPlan.Stop::done).singleElement().satisfies(stop -> {
            assertThat(stop.targetId()).isEqualTo("a");
            assertThat(stop.interactionId()).isEqualTo(visit.id());
        });

        // a second visit to a leaves the stop linked to the first
        service.log(new InteractionDraft("a", InteractionType.LUNCH_AND_LEARN, thursday.plusDays(1), Reached.PHYSICIAN,
                45, null, null, null), LEE);
        assertThat(plans.find(plan.id(), LEE).orElseThrow().stops()).filteredOn(VisitPlan.Stop::done).singleElement()
                .satisfies(stop -> assertThat(stop.interactionId()).isEqualTo(visit.id()));
    }

    /**
     * The scorecard on 15 March 2026 for the first quarter. fx-lee: i1 (in person with c, 29 January, reached the
     * physician) is this quarter's one interaction and the last visit; i2's follow-up of 29 November is overdue.
     * fx-sam: i3 (a phone call, 10 January) is one interaction, reached nobody, is no visit, and its follow-up
     * was overtaken by i1. fx-lee's own goal of 9 interactions for the quarter expects 9 × 73 / 90 = 7.3 by
     * today: with 1, behind.
     */
    @Test
    void theScorecardShowsEachLiaisonsQuarter() {
        var clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        var dated = new Goals(graph, clock);
        dated.create("Lee's quarter", GoalMetric.INTERACTIONS_LOGGED, null, 9, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 1), "USER", "fx-lee", MANAGER);
        var lines = new Scorecard(graph, dated, clock).lines(MANAGER).stream()
                .filter(l -> l.username().startsWith("fx-")).toList();
        assertThat(lines).extracting(Scorecard.Line::username).containsExactly("fx-lee", "fx-sam");

        var lee = lines.get(0);
        assertThat(lee.interactions()).isEqualTo(1);
        assertThat(lee.physiciansReached()).isEqualTo(1);
        assertThat(lee.lastVisit()).isEqualTo(LocalDate.of(2026, 1, 29));
        assertThat(lee.overdueFollowUps()).isEqualTo(1);
        assertThat(lee.overdueTasks()).isZero();
        assertThat(lee.goal()).hasValueSatisfying(p -> {
            assertThat(p.value()).isEqualTo(1.0);
            assertThat(p.expected()).isCloseTo(7.3, within(1e-9));
            assertThat(p.state()).isEqualTo(GoalState.BEHIND);
        });

        var sam = lines.get(1);
        assertThat(sam.interactions()).isEqualTo(1);
        assertThat(sam.physiciansReached()).isZero();
        assertThat(sam.lastVisit()).isNull();
        assertThat(sam.overdueFollowUps()).isZero();
        assertThat(sam.goal()).isEmpty();

        assertThatThrownBy(() -> new Scorecard(graph, dated, clock).lines(LEE)).isInstanceOf(AccessDeniedException.class);
    }

    /** A goal changes in place: its target, its period and whom it is for. */
    @Test
    void aGoalIsChanged() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate mar = LocalDate.of(2026, 3, 1);
        var kept = goals.create("Kept", GoalMetric.KEPT_REFERRALS, null, 40, jan, mar, "TERRITORY", "t1", MANAGER);
        var changed = goals.update(kept.id(), "Kept by Lee", GoalMetric.INTERACTIONS_LOGGED, null, 4,
                LocalDate.of(2025, 11, 1), LocalDate.of(2026, 2, 1), "USER", "fx-lee", MANAGER);
        assertThat(changed.id()).isEqualTo(kept.id());
        assertThat(changed.name()).isEqualTo("Kept by Lee");
        assertThat(changed.scope()).isEqualTo("USER");
        assertThat(changed.scopeId()).isEqualTo("fx-lee");
        assertThat(goals.progress(changed).value()).isEqualTo(2.0);
        assertThat(GraphFixtures.count(driver, "MATCH (:Goal {id: $id})-[f:FOR]->() RETURN count(f)",
                Map.of("id", kept.id()))).isEqualTo(1);
        assertThatThrownBy(() -> goals.update(kept.id(), "", GoalMetric.INTERACTIONS_LOGGED, null, 4, jan, mar,
                "TEAM", null, MANAGER)).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> goals.update("no-such-goal", "X", GoalMetric.INTERACTIONS_LOGGED, null, 4, jan, mar,
                "TEAM", null, MANAGER)).extracting("field").isEqualTo("id");
        assertThatThrownBy(() -> goals.update(kept.id(), "Mine", GoalMetric.INTERACTIONS_LOGGED, null, 4, jan, mar,
                "TEAM", null, LEE)).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * Three stops of the week of 16 March in route order x, y, z take Monday 9:00, 10:30 and 12:00. Giving x
     * Wednesday 14:00 puts y and z at 9:00 and 10:30 and x last; moving z earlier swaps it with y; letting the
     * route choose x's time again puts it in the first slot the others do not hold, 12:00.
     */
    @Test
    void stopsAreGivenADayAndTimeAndMoved() {
        VisitPlan plan = plans.addStops(plans.planFor(LEE, LocalDate.of(2026, 3, 18)).id(), List.of("a", "b", "c"), LEE);
        var route = plan.stops().stream().map(VisitPlan.Stop::targetId).toList();
        String x = route.get(0);
        String y = route.get(1);
        String z = route.get(2);
        LocalDateTime monday = LocalDateTime.of(2026, 3, 16, 9, 0);

        plan = plans.schedule(plan.id(), x, LocalDateTime.of(2026, 3, 18, 14, 0), LEE);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::targetId).containsExactly(y, z, x);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::plannedAt).containsExactly(monday, monday.plusMinutes(90),
                LocalDateTime.of(2026, 3, 18, 14, 0));
        assertThat(plan.stops()).extracting(VisitPlan.Stop::pinned).containsExactly(false, false, true);

        plan = plans.move(plan.id(), z, -1, LEE);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::targetId).containsExactly(z, y, x);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::plannedAt).containsExactly(monday, monday.plusMinutes(90),
                LocalDateTime.of(2026, 3, 18, 14, 0));
        assertThat(plans.move(plan.id(), z, -1, LEE).stops()).as("the first stop moves no earlier")
                .extracting(VisitPlan.Stop::targetId).containsExactly(z, y, x);

        String planId = plan.id();
        assertThatThrownBy(() -> plans.schedule(planId, y, LocalDateTime.of(2026, 3, 23, 9, 0), LEE))
                .isInstanceOf(OutreachException.class).hasMessageContaining("between 2026-03-16 and 2026-03-22")
                .extracting("field").isEqualTo("plannedAt");
        assertThatThrownBy(() -> plans.schedule(planId, y, monday, SAM)).isInstanceOf(AccessDeniedException.class);

        plan = plans.schedule(planId, x, null, LEE);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::targetId).containsExactly(z, y, x);
        assertThat(plan.stops().get(2).plannedAt()).isEqualTo(monday.plusMinutes(180));
        assertThat(plan.stops().get(2).pinned()).isFalse();
    }

    /** On Wednesday the current week's visits start on Wednesday, and the week holds three days of them. */
    @Test
    void theCurrentWeekIsPlannedFromToday() {
        var wednesday = Clock.fixed(LocalDate.of(2026, 3, 18).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        var midweek = new VisitPlans(graph, territories, properties, wednesday);
        VisitPlan plan = midweek.planFor(LEE, LocalDate.of(2026, 3, 18));
        assertThat(midweek.maxStops(plan.weekStart())).isEqualTo(12);
        plan = midweek.addStops(plan.id(), List.of("a", "b"), LEE);
        assertThat(plan.stops()).extracting(VisitPlan.Stop::plannedAt).allSatisfy(at ->
                assertThat(at.toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 18)));
        assertThat(VisitPlans.weekOf(LocalDate.of(2026, 3, 21))).as("a Saturday plans the coming week")
                .isEqualTo(LocalDate.of(2026, 3, 23));
        String planId = plan.id();
        var many = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "x" + i).toList();
        assertThatThrownBy(() -> midweek.addStops(planId, many, LEE)).isInstanceOf(OutreachException.class)
                .hasMessageContaining("holds at most 12 visits");
    }

    /**
     * c's first contact is i3 on 2026-01-10; with a 90-day window its before-window holds nothing and its
     * after-window c→s 12 kept: change +12. Its peers (Family Medicine in t1, not contacted between
     * 2025-10-12 and 2026-04-10) are a (+10 kept, a→s in February) and d (0): average +5. Effect 7 × $500
     * (Primary Care) = $3,500. b's first contact 2025-11-15: after-window b→FR 10, none kept; no Internal
     * Medicine peers; effect 0.
     */
    @Test
    void roiComparesContactedPhysiciansWithUncontactedPeers() {
        var result = named(reports.run("outreach-roi", Map.of("dataEnd", "2026-05-01")));
        assertThat(result).extracting(r -> r.get("physicianId")).containsExactly("c", "b");
        var c = result.get(0);
        assertThat(c.get("firstContact")).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(c.get("interactions")).isEqualTo(2L);
        assertThat(c.get("keptBefore")).isEqualTo(0L);
        assertThat(c.get("keptAfter")).isEqualTo(12L);
        assertThat(c.get("peers")).isEqualTo(2L);
        assertThat(((Number) c.get("peerChange")).doubleValue()).isEqualTo(5.0);
        assertThat(((Number) c.get("keptEffect")).doubleValue()).isEqualTo(7.0);
        assertThat(((Number) c.get("revenueEffect")).doubleValue()).isEqualTo(3500.0);
        var b = result.get(1);
        assertThat(b.get("referralsAfter")).isEqualTo(10L);
        assertThat(b.get("peers")).isEqualTo(0L);
        assertThat(((Number) b.get("revenueEffect")).doubleValue()).isZero();
        // an after-window that has not ended yet leaves the physician out
        assertThat(named(reports.run("outreach-roi", Map.of("dataEnd", "2026-03-01"))))
                .extracting(r -> r.get("physicianId")).containsExactly("b");
    }

    private static List<Map<String, Object>> named(org.liaisonprm.report.ReportResult result) {
        return result.rows().stream().map(row -> {
            var map = new java.util.HashMap<String, Object>();
            for (int i = 0; i < result.columns().size(); i++) {
                map.put(result.columns().get(i), row.get(i));
            }
            return (Map<String, Object>) map;
        }).toList();
    }

    /** Every last contact is more than 90 days before today, so recency is full for all: a 92, b 53.7, c 33.7, d 15. */
    @Test
    void untouchedTargetsReportUsesTheSameScore() {
        var result = named(reports.run("untouched-targets", Map.of("minScore", "0",
                "from", "2025-03-01", "to", "2026-03-01")));
        assertThat(result).extracting(r -> r.get("physicianId")).containsExactly("a", "b", "c", "d");
        assertThat(result).extracting(r -> ((Number) r.get("score")).doubleValue())
                .containsExactly(92.0, 53.7, 33.7, 15.0);
        assertThat(named(reports.run("untouched-targets", Map.of("minScore", "50",
                "from", "2025-03-01", "to", "2026-03-01")))).hasSize(2);
    }
}
