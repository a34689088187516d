package org.liaisonprm.demo;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.graph.StartupOrder;
import org.liaisonprm.outreach.Goals;
import org.liaisonprm.outreach.VisitPlans;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo region on a first start, when {@code liaison.demo.enabled} and the graph holds no
 * providers. Writes go through the Bolt driver in batched write transactions, like any import.
 */
@Component
@Order(StartupOrder.DEMO)
public class DemoRegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegionLoader.class);
    private static final int BATCH = 10_000;

    private final Driver driver;
    private final NetworkMembership networkMembership;
    private final ReferralRollup referralRollup;
    private final DemoProperties properties;
    private final Goals goals;
    private final VisitPlans visitPlans;

    DemoRegionLoader(Driver driver, NetworkMembership networkMembership, ReferralRollup referralRollup,
                     DemoProperties properties, Goals goals, VisitPlans visitPlans) {
        this.driver = driver;
        this.networkMembership = networkMembership;
        this.referralRollup = referralRollup;
        this.properties = properties;
        this.goals = goals;
        this.visitPlans = visitPlans;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (demoLoadWasInterrupted()) {
            log.warn("An earlier load of the demo region was interrupted: removing what it wrote and loading it again");
            removeDemoRegion();
        } else if (graphHoldsProviders()) {
            log.info("The graph already holds providers: the demo region is not loaded");
            return;
        }
        long started = System.nanoTime();
        DemoRegion region = new DemoRegionGenerator(properties.seed(), properties.physicians(),
                properties.lastMonthOrDefault()).generate();
        long generated = System.nanoTime();
        load(region);
        log.info("Loaded the demo region (seed {}): {} physicians, {} practices, {} facilities, {} referral "
                        + "relationships in {} ms (generation {} ms)",
                properties.seed(), region.physicians().size(), region.practices().size(), region.facilities().size(),
                region.referrals().size(), (System.nanoTime() - started) / 1_000_000,
                (generated - started) / 1_000_000);
    }

    private boolean demoLoadWasInterrupted() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(
                    "MATCH (d:DemoRegion) WHERE NOT coalesce(d.complete, false) RETURN count(d) > 0 AS any")
                    .single().get("any").asBoolean());
        }
    }

    /** Deletes everything the demo loader writes, in small transactions (it may be a third of a million rows). */
    private void removeDemoRegion() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE n.source = 'demo'
                    CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS
                    """).consume();
            session.executeWrite(tx -> tx.run("MATCH (d:DemoRegion) DELETE d").consume());
        }
    }

    private boolean graphHoldsProviders() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (n) WHERE n:Physician OR n:Practice OR n:Facility OR n:HealthSystem
                    RETURN count(n) > 0 AS any
                    """).single().get("any").asBoolean());
        }
    }

    /** Writes a region into a graph that holds no providers yet. */
    public void load(DemoRegion region) {
        // Marks the load as under way, so that a load cut short (a stop, a crash) is redone at the next start
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (d:DemoRegion {seed: $seed}) SET d.complete = false, d.startedAt = datetime()
                    """, Map.of("seed", properties.seed())).consume());
        }
        write("""
                UNWIND $rows AS r
                CREATE (:HealthSystem {id: r.id, name: r.name, home: r.home, source: 'demo'})
                """, region.healthSystems());
        write("""
                UNWIND $rows AS r
                CREATE (:Payer {id: r.id, name: r.name, type: r.type, source: 'demo'})
                """, region.payers());
        write("""
                UNWIND $rows AS r
                CREATE (f:Facility {id: r.id, name: r.name, type: r.type, address: r.address, city: r.city,
                                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, beds: r.beds,
                                    network: 'OUT', source: 'demo'})
                WITH f, r WHERE r.healthSystemId IS NOT NULL
                MATCH (h:HealthSystem {id: r.healthSystemId})
                CREATE (f)-[:PART_OF]->(h)
                """, region.facilities());
        write("""
                UNWIND $rows AS r
                CREATE (p:Practice {id: r.id, name: r.name, npi: r.npi, address: r.address, city: r.city,
                                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, network: 'OUT',
                                    source: 'demo'})
                WITH p, r WHERE r.healthSystemId IS NOT NULL
                MATCH (h:HealthSystem {id: r.healthSystemId})
                CREATE (p)-[:PART_OF]->(h)
                """, region.practices());
        write("""
                UNWIND $rows AS r
                CREATE (d:Physician {id: r.id, npi: r.npi, name: r.firstName + ' ' + r.lastName + ', ' + r.credential,
                                     firstName: r.firstName, lastName: r.lastName, credential: r.credential,
                                     specialty: r.specialty, taxonomyCode: r.taxonomyCode,
                                     serviceLine: r.serviceLine, sex: r.sex, active: true, address: r.address,
                                     city: r.city, state: r.state, zip: r.zip, lat: r.lat, lon: r.lon,
                                     network: 'OUT', source: 'demo'})
                WITH d, r
                MATCH (p:Practice {id: r.practiceId})
                CREATE (d)-[:PRACTICES_AT]->(p)
                WITH d, r
                CALL {
                  WITH d, r
                  MATCH (h:HealthSystem {id: r.employerId})
                  CREATE (d)-[:EMPLOYED_BY]->(h)
                }
                CALL {
                  WITH d, r
                  UNWIND r.affiliatedFacilityIds AS facilityId
                  MATCH (f:Facility {id: facilityId})
                  CREATE (d)-[:AFFILIATED_WITH]->(f)
                }
                """, region.physicians());
        String referral = """
                UNWIND $rows AS r
                MATCH (a:Physician {id: r.sourceId})
                MATCH (b:%s {id: r.targetId})
                CREATE (a)-[:REFERRED {periodStart: r.periodStart, periodEnd: r.periodStart + duration({months: 1}),
                                       serviceLine: r.serviceLine, referrals: r.referrals, patients: r.patients,
                                       commercial: r.commercial, medicare: r.medicare, medicaid: r.medicaid,
                                       selfPay: r.selfPay, source: 'demo'}]->(b)
                """;
        write(referral.formatted("Physician"),
                region.referrals().stream().filter(r -> !r.targetIsFacility()).toList());
        write(referral.formatted("Facility"),
                region.referrals().stream().filter(DemoRegion.ReferralRow::targetIsFacility).toList());
        networkMembership.recompute();
        referralRollup.rebuild();
        loadOutreach(region);
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (d:DemoRegion {seed: $seed})
                    SET d.physicians = $physicians, d.loadedAt = datetime(), d.complete = true
                    """, Map.of("seed", properties.seed(), "physicians", region.physicians().size())).consume());
        }
    }

    /**
     * Territories with their liaisons, half a year of interactions, goals and a plan for this week
     * (docs/demo-data.md, "Outreach"). Liaisons missing from the graph are left out.
     */
    private void loadOutreach(DemoRegion region) {
        LocalDate today = LocalDate.now();
        write("""
                UNWIND $rows AS r
                CREATE (t:Territory {id: r.id, name: r.name, zips: r.zips, source: 'demo', createdAt: datetime()})
                WITH t, r
                MATCH (u:User {username: r.liaison})
                MERGE (u)-[:COVERS]->(t)
                """, DemoOutreach.territories());
        write("""
                UNWIND $rows AS r
                MATCH (u:User {username: r.username})
                MATCH (p:Physician {id: r.targetId})
                CREATE (u)-[:LOGGED]->(i:Interaction {id: r.id, type: r.type, date: r.date, reached: r.reached,
                        durationMinutes: r.durationMinutes, notes: r.notes, outcome: r.outcome,
                        followUpDate: r.followUpDate, source: 'demo',
                        loggedAt: datetime({date: r.date, hour: 17})})-[:WITH]->(p)
                """, DemoOutreach.interactions(region, properties.seed(), today));
        LocalDate quarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        LocalDate dataEnd = properties.lastMonthOrDefault().plusMonths(1).atDay(1);
        var goals = List.of(
                goal("Team kept referrals, Orthopedics", "KEPT_REFERRALS", "Orthopedics", 1.08, dataEnd.minusMonths(3), dataEnd, "TEAM", null),
                goal("Team kept referrals, Cardiology", "KEPT_REFERRALS", "Cardiology", 1.05, dataEnd.minusMonths(3), dataEnd, "TEAM", null),
                goal("South Shore orthopedic leakage", "LEAKAGE_RATE", "Orthopedics", 0.9, dataEnd.minusMonths(3), dataEnd, "TERRITORY", "south-shore"),
                goal("North Shore kept referrals", "KEPT_REFERRALS", null, 1.03, dataEnd.minusMonths(3), dataEnd, "TERRITORY", "north-shore"),
                goal("Interactions this quarter", "INTERACTIONS_LOGGED", null, 60, quarter, quarter.plusMonths(3), "USER", "liaison1"),
                goal("Interactions this quarter", "INTERACTIONS_LOGGED", null, 60, quarter, quarter.plusMonths(3), "USER", "liaison2"),
                goal("Interactions this quarter", "INTERACTIONS_LOGGED", null, 60, quarter, quarter.plusMonths(3), "USER", "liaison3"),
                goal("Interactions this quarter", "INTERACTIONS_LOGGED", null, 60, quarter, quarter.plusMonths(3), "USER", "liaison4"),
                goal("Physicians reached this quarter", "PHYSICIANS_REACHED", null, 120, quarter, quarter.plusMonths(3), "TEAM", null));
        try (var session = driver.session()) {
            // Referral goals are set relative to what the period holds (a factor of it), so progress bars
            // show something plausible whatever the seed: the Cypher below measures and sets them.
            session.executeWrite(tx -> tx.run("""
                    UNWIND $goals AS r
                    CREATE (g:Goal {id: r.id, name: r.name, metric: r.metric, serviceLine: r.serviceLine,
                                    target: r.target, periodStart: r.periodStart, periodEnd: r.periodEnd,
                                    scope: r.scope, source: 'demo', createdAt: datetime(), createdBy: 'admin'})
                    WITH g, r
                    OPTIONAL MATCH (s) WHERE (s:Territory AND s.id = r.scopeId) OR (s:User AND s.username = r.scopeId)
                    FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (g)-[:FOR]->(x))
                    """, Map.of("goals", goals)).consume());
            for (var g : goals) {
                if (g.get("metric").equals("KEPT_REFERRALS") || g.get("metric").equals("LEAKAGE_RATE")) {
                    var goal = this.goals.all().stream().filter(x -> x.id().equals(g.get("id"))).findFirst().orElseThrow();
                    double value = this.goals.progress(goal).value();
                    double factor = (double) g.get("target");
                    double target = g.get("metric").equals("LEAKAGE_RATE") ? Math.round(value * factor * 100) / 100.0
                            : Math.round(value * factor);
                    session.executeWrite(tx -> tx.run("MATCH (g:Goal {id: $id}) SET g.target = $target",
                            Map.of("id", goal.id(), "target", target)).consume());
                }
            }
        }
        // liaison2 has planned this week; liaison1 starts with an empty plan
        try (var session = driver.session()) {
            var stops = session.executeRead(tx -> tx.run("""
                    MATCH (:User {username: 'liaison2'})-[:COVERS]->(t:Territory)
                    MATCH (p:Physician) WHERE p.zip IN t.zips AND p.network <> 'IN'
                    RETURN p.id AS id ORDER BY COUNT { (p)-[:REFERRED]->() } DESC, p.id LIMIT 5
                    """).list(r -> r.get("id").asString()));
            if (!stops.isEmpty()) {
                var liaison = CurrentUser.of("liaison2", Role.LIAISON);
                var plan = visitPlans.planFor(liaison, today);
                int room = visitPlans.maxStops(plan.weekStart());
                visitPlans.addStops(plan.id(), stops.subList(0, Math.min(stops.size(), room)), liaison);
            }
        }
    }

    private static Map<String, Object> goal(String name, String metric, String serviceLine, double target,
                                            LocalDate from, LocalDate to, String scope, String scopeId) {
        var goal = new HashMap<String, Object>();
        goal.put("id", UUID.nameUUIDFromBytes((name + scopeId + from).getBytes(StandardCharsets.UTF_8)).toString());
        goal.put("name", name);
        goal.put("metric", metric);
        goal.put("serviceLine", serviceLine);
        goal.put("target", target);
        goal.put("periodStart", from);
        goal.put("periodEnd", to);
        goal.put("scope", scope);
        goal.put("scopeId", scopeId);
        return goal;
    }

    /** Writes records in batches, each record as a map of its components. */
    private void write(String cypher, List<? extends Record> items) {
        try (var session = driver.session()) {
            for (int from = 0; from < items.size(); from += BATCH) {
                var rows = new ArrayList<Map<String, Object>>();
                for (Record item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                    rows.add(asRow(item));
                }
                session.executeWrite(tx -> tx.run(cypher, Map.of("rows", rows)).consume());
            }
        }
    }

    private static Map<String, Object> asRow(Record item) {
        var row = new HashMap<String, Object>();
        for (RecordComponent component : item.getClass().getRecordComponents()) {
            try {
                row.put(component.getName(), component.getAccessor().invoke(item));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
        return row;
    }
}
