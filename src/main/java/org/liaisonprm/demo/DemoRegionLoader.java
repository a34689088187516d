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
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.graph.StartupOrder;
import org.liaisonprm.outreach.Goals;
import org.liaisonprm.outreach.VisitPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo region on a first start, when {@code liaison.demo.enabled} and the graph holds no
 * providers. Writes go through {@link Graph} in batched write transactions, like any import.
 */
@Component
@Order(StartupOrder.DEMO)
public class DemoRegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegionLoader.class);
    private static final int BATCH = 10_000;

    private static final Cypher LOAD_INTERRUPTED = Cypher.load("demo/load-interrupted");
    private static final Cypher REMOVE_DEMO_NODES = Cypher.load("demo/remove-demo-nodes");
    private static final Cypher REMOVE_LOAD_MARKER = Cypher.load("demo/remove-load-marker");
    private static final Cypher GRAPH_HOLDS_PROVIDERS = Cypher.load("demo/graph-holds-providers");
    private static final Cypher START_LOAD = Cypher.load("demo/start-load");
    private static final Cypher HEALTH_SYSTEMS = Cypher.load("demo/health-systems");
    private static final Cypher PAYERS = Cypher.load("demo/payers");
    private static final Cypher FACILITIES = Cypher.load("demo/facilities");
    private static final Cypher PRACTICES = Cypher.load("demo/practices");
    private static final Cypher PHYSICIANS = Cypher.load("demo/physicians");
    private static final Cypher REFERRALS_TO_PHYSICIANS = Cypher.load("demo/referrals-to-physicians");
    private static final Cypher REFERRALS_TO_FACILITIES = Cypher.load("demo/referrals-to-facilities");
    private static final Cypher COMPLETE_LOAD = Cypher.load("demo/complete-load");
    private static final Cypher TERRITORIES = Cypher.load("demo/territories");
    private static final Cypher INTERACTIONS = Cypher.load("demo/interactions");
    private static final Cypher GOALS = Cypher.load("demo/goals");
    private static final Cypher SET_GOAL_TARGET = Cypher.load("demo/set-goal-target");
    private static final Cypher PLANNED_STOPS = Cypher.load("demo/planned-stops");
    private static final Cypher MOVE_SPECIALIST = Cypher.load("demo/move-specialist");

    private final Graph graph;
    private final NetworkMembership networkMembership;
    private final ReferralRollup referralRollup;
    private final DemoProperties properties;
    private final Goals goals;
    private final VisitPlans visitPlans;

    DemoRegionLoader(Graph graph, NetworkMembership networkMembership, ReferralRollup referralRollup,
                     DemoProperties properties, Goals goals, VisitPlans visitPlans) {
        this.graph = graph;
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
        return graph.readOne(LOAD_INTERRUPTED, Map.of(), r -> r.get("any").asBoolean()).orElseThrow();
    }

    /** Deletes everything the demo loader writes, in small transactions (it may be a third of a million rows). */
    private void removeDemoRegion() {
        graph.autoCommit(REMOVE_DEMO_NODES, Map.of());
        graph.write(REMOVE_LOAD_MARKER, Map.of());
    }

    private boolean graphHoldsProviders() {
        return graph.readOne(GRAPH_HOLDS_PROVIDERS, Map.of(), r -> r.get("any").asBoolean()).orElseThrow();
    }

    /** Writes a region into a graph that holds no providers yet. */
    public void load(DemoRegion region) {
        // Marks the load as under way, so that a load cut short (a stop, a crash) is redone at the next start
        graph.write(START_LOAD, Map.of("seed", properties.seed()));
        write(HEALTH_SYSTEMS, region.healthSystems());
        write(PAYERS, region.payers());
        write(FACILITIES, region.facilities());
        write(PRACTICES, region.practices());
        write(PHYSICIANS, region.physicians());
        write(REFERRALS_TO_PHYSICIANS, region.referrals().stream().filter(r -> !r.targetIsFacility()).toList());
        write(REFERRALS_TO_FACILITIES, region.referrals().stream().filter(DemoRegion.ReferralRow::targetIsFacility).toList());
        networkMembership.recompute();
        moveSpecialist(region);
        networkMembership.recompute();
        referralRollup.rebuild();
        loadOutreach(region);
        graph.write(COMPLETE_LOAD, Map.of("seed", properties.seed(), "physicians", region.physicians().size()));
    }

    /**
     * Pattern 5 (docs/demo-data.md): a busy in-network specialist leaves for the competitor, as a later import
     * of a registry or affiliation file would show; the membership recomputed after it records the move.
     */
    private void moveSpecialist(DemoRegion region) {
        var planted = region.planted();
        var exclude = new ArrayList<String>(planted.orthopedicSplitterIds());
        exclude.addAll(planted.communityIds());
        exclude.add(planted.chainLeakageBrokerId());
        exclude.add(planted.collapsedReferrerId());
        LocalDate dataEnd = properties.lastMonthOrDefault().plusMonths(1).atDay(1);
        graph.write(MOVE_SPECIALIST, Map.of("from", dataEnd.minusMonths(12), "to", dataEnd, "exclude", exclude,
                "competitor", DemoRegionGenerator.SUMMIT), r -> {
            log.info("Demo region: {} ({}, {}), who had {} in-network referrers, moved to {}", r.get("name").asString(),
                    r.get("id").asString(), r.get("specialty").asString(), r.get("referrers").asLong(),
                    r.get("practice").asString());
            return null;
        });
    }

    /**
     * Territories with their liaisons, half a year of interactions, goals and a plan for this week
     * (docs/demo-data.md, "Outreach"). Liaisons missing from the graph are left out.
     */
    private void loadOutreach(DemoRegion region) {
        LocalDate today = LocalDate.now();
        write(TERRITORIES, DemoOutreach.territories());
        write(INTERACTIONS, DemoOutreach.interactions(region, properties.seed(), today));
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
        // Referral goals are set relative to what the period holds (a factor of it), so progress bars
        // show something plausible whatever the seed: the Cypher below measures and sets them.
        graph.write(GOALS, Map.of("goals", goals));
        for (var g : goals) {
            if (g.get("metric").equals("KEPT_REFERRALS") || g.get("metric").equals("LEAKAGE_RATE")) {
                var goal = this.goals.all().stream().filter(x -> x.id().equals(g.get("id"))).findFirst().orElseThrow();
                double value = this.goals.progress(goal).value();
                double factor = (double) g.get("target");
                double target = g.get("metric").equals("LEAKAGE_RATE") ? Math.round(value * factor * 100) / 100.0
                        : Math.round(value * factor);
                graph.write(SET_GOAL_TARGET, Map.of("id", goal.id(), "target", target));
            }
        }
        // liaison2 has planned this week; liaison1 starts with an empty plan
        var stops = graph.read(PLANNED_STOPS, Map.of(), r -> r.get("id").asString());
        if (!stops.isEmpty()) {
            var liaison = CurrentUser.of("liaison2", Role.LIAISON);
            var plan = visitPlans.planFor(liaison, today);
            int room = visitPlans.maxStops(plan.weekStart());
            visitPlans.addStops(plan.id(), stops.subList(0, Math.min(stops.size(), room)), liaison);
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
    private void write(Cypher statement, List<? extends Record> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            var rows = new ArrayList<Map<String, Object>>();
            for (Record item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                rows.add(asRow(item));
            }
            graph.write(statement, Map.of("rows", rows));
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
