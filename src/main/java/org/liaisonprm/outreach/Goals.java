package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Goals and their progress, measured on the graph. The physicians of a goal are those in its territory (a
 * TERRITORY goal), in the territories its user covers (USER) or in any territory (TEAM); the interactions
 * are those logged with those physicians (TERRITORY), by the user (USER) or by anyone (TEAM). Referral
 * metrics count the referral months that start in the period.
 */
@Service
public class Goals {

    private static final Map<GoalMetric, Cypher> MEASURES = Map.of(
            GoalMetric.KEPT_REFERRALS, Cypher.load("outreach/goal-kept-referrals"),
            GoalMetric.LEAKAGE_RATE, Cypher.load("outreach/goal-leakage-rate"),
            GoalMetric.INTERACTIONS_LOGGED, Cypher.load("outreach/goal-interactions-logged"),
            GoalMetric.PHYSICIANS_REACHED, Cypher.load("outreach/goal-physicians-reached"));
    private static final Cypher TERRITORY_EXISTS = Cypher.load("outreach/territory-exists");
    private static final Cypher USER_EXISTS = Cypher.load("outreach/user-exists");
    private static final Cypher CREATE = Cypher.load("outreach/create-goal");
    private static final Cypher UPDATE = Cypher.load("outreach/update-goal");
    private static final Cypher DELETE = Cypher.load("outreach/delete-goal");
    private static final Cypher ALL = Cypher.load("outreach/goals");

    private final Graph graph;
    private final java.time.Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    Goals(Graph graph) {
        this(graph, java.time.Clock.systemDefaultZone());
    }

    Goals(Graph graph, java.time.Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * Sets a goal.
     *
     * @param scope   TEAM, TERRITORY or USER
     * @param scopeId the territory id or user name (ignored for TEAM)
     * @throws OutreachException naming the refused field; nothing is saved
     */
    public Goal create(String name, GoalMetric metric, String serviceLine, double target, LocalDate periodStart,
                       LocalDate periodEnd, String scope, String scopeId, CurrentUser user) {
        return save(null, name, metric, serviceLine, target, periodStart, periodEnd, scope, scopeId, user);
    }

    /**
     * Changes a goal: everything but its id may change.
     *
     * @throws OutreachException naming the refused field; nothing is saved
     */
    public Goal update(String id, String name, GoalMetric metric, String serviceLine, double target,
                       LocalDate periodStart, LocalDate periodEnd, String scope, String scopeId, CurrentUser user) {
        if (id == null || all().stream().noneMatch(g -> g.id().equals(id))) {
            throw new OutreachException("id", "There is no goal '" + id + "'");
        }
        return save(id, name, metric, serviceLine, target, periodStart, periodEnd, scope, scopeId, user);
    }

    private Goal save(String existing, String name, GoalMetric metric, String serviceLine, double target,
                      LocalDate periodStart, LocalDate periodEnd, String scope, String scopeId, CurrentUser user) {
        if (!user.managesTerritories()) {
            throw new AccessDeniedException("Only administrators and managers set goals");
        }
        if (name == null || name.isBlank()) {
            throw new OutreachException("name", "A goal needs a name");
        }
        if (metric == null) {
            throw new OutreachException("metric", "Choose what the goal measures");
        }
        if (target < 0 || Double.isNaN(target) || (metric == GoalMetric.LEAKAGE_RATE && target > 1)) {
            throw new OutreachException("target", metric == GoalMetric.LEAKAGE_RATE
                    ? "A leakage rate target is a share between 0 and 1" : "A target cannot be negative");
        }
        if (periodStart == null || periodEnd == null || !periodStart.isBefore(periodEnd)) {
            throw new OutreachException("periodEnd", "A goal's period ends after it starts");
        }
        if (!List.of("TEAM", "TERRITORY", "USER").contains(scope)) {
            throw new OutreachException("scope", "A goal is for the TEAM, a TERRITORY or a USER");
        }
        String id = existing == null ? UUID.randomUUID().toString() : existing;
        var values = new HashMap<String, Object>();
        values.put("id", id);
        values.put("name", name.strip());
        values.put("metric", metric.name());
        values.put("serviceLine", serviceLine == null || serviceLine.isBlank() ? null : serviceLine);
        values.put("target", target);
        values.put("periodStart", periodStart);
        values.put("periodEnd", periodEnd);
        values.put("scope", scope);
        graph.write(tx -> {
            if (!scope.equals("TEAM")) {
                boolean exists = scopeId != null && (scope.equals("TERRITORY")
                        ? tx.first(TERRITORY_EXISTS, Map.of("id", scopeId), r -> true)
                        : tx.first(USER_EXISTS, Map.of("username", scopeId), r -> true)).isPresent();
                if (!exists) {
                    throw new OutreachException("scopeId", "There is no " + scope.toLowerCase() + " '" + scopeId + "'");
                }
            }
            tx.run(existing == null ? CREATE : UPDATE,
                    Map.of("values", values, "scopeId", scopeId == null ? "" : scopeId, "by", user.username()));
            return null;
        });
        return all().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    public void delete(String id, CurrentUser user) {
        if (!user.managesTerritories()) {
            throw new AccessDeniedException("Only administrators and managers remove goals");
        }
        graph.write(DELETE, Map.of("id", id));
    }

    /** Every goal, by period and name. */
    public List<Goal> all() {
        return graph.read(ALL, Map.of(), Goals::goal);
    }

    /**
     * The goals that concern a user, with progress: all for administrators and managers; for a liaison the
     * team's, their territories' and their own.
     */
    public List<Goal.Progress> progressFor(CurrentUser user, Territories territories) {
        var mine = territories.coveredBy(user.username()).stream().map(Territory::id).toList();
        return all().stream()
                .filter(g -> user.seesTeam() || g.scope().equals("TEAM")
                        || (g.scope().equals("USER") && user.username().equals(g.scopeId()))
                        || (g.scope().equals("TERRITORY") && mine.contains(g.scopeId())))
                .map(this::progress).toList();
    }

    /** Measures a goal on the graph. */
    public Goal.Progress progress(Goal goal) {
        double value = graph.readOne(MEASURES.get(goal.metric()), Map.of("id", goal.id()),
                r -> r.get("value").asDouble()).orElseThrow();
        return new Goal.Progress(goal, value, LocalDate.now(clock));
    }

    private static Goal goal(Record r) {
        Value g = r.get("g");
        return new Goal(g.get("id").asString(), g.get("name").asString(), GoalMetric.valueOf(g.get("metric").asString()),
                g.get("serviceLine").asString(null), g.get("target").asDouble(), g.get("periodStart").asLocalDate(),
                g.get("periodEnd").asLocalDate(), g.get("scope").asString(), r.get("scopeId").asString(null),
                r.get("scopeName").asString(null));
    }
}
