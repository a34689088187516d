package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.liaisonprm.base.CurrentUser;
import org.neo4j.driver.Driver;
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

    private static final String PHYSICIANS_IN_SCOPE = """
            CALL (g) {
              OPTIONAL MATCH (g)-[:FOR]->(scope)
              WITH g, scope
              MATCH (t:Territory)
              WHERE g.scope = 'TEAM' OR (g.scope = 'TERRITORY' AND t = scope)
                 OR (g.scope = 'USER' AND (scope)-[:COVERS]->(t))
              UNWIND t.zips AS zip
              RETURN collect(DISTINCT zip) AS zips
            }
            """;

    private static final String INTERACTIONS = """
            OPTIONAL MATCH (g)-[:FOR]->(scope)
            MATCH (u:User)-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
            WHERE i.date >= g.periodStart AND i.date < g.periodEnd
              AND (g.serviceLine IS NULL OR x.serviceLine = g.serviceLine)
              AND (g.scope = 'TEAM' OR (g.scope = 'USER' AND u = scope)
                   OR (g.scope = 'TERRITORY' AND x.zip IN scope.zips))
            WITH i, x
            """;

    private static final Map<GoalMetric, String> MEASURES = Map.of(
            GoalMetric.KEPT_REFERRALS, PHYSICIANS_IN_SCOPE + """
                    OPTIONAL MATCH (p:Physician)-[r:REFERRED]->(x)
                    WHERE p.zip IN zips AND r.periodStart >= g.periodStart AND r.periodStart < g.periodEnd
                      AND (g.serviceLine IS NULL OR r.serviceLine = g.serviceLine) AND x.network IN ['IN', 'AFFILIATED']
                    RETURN toFloat(coalesce(sum(r.referrals), 0)) AS value
                    """,
            GoalMetric.LEAKAGE_RATE, PHYSICIANS_IN_SCOPE + """
                    OPTIONAL MATCH (p:Physician)-[r:REFERRED]->(x)
                    WHERE p.zip IN zips AND r.periodStart >= g.periodStart AND r.periodStart < g.periodEnd
                      AND (g.serviceLine IS NULL OR r.serviceLine = g.serviceLine)
                    WITH sum(r.referrals) AS referrals,
                         sum(CASE WHEN x.network IN ['IN', 'AFFILIATED'] THEN 0 ELSE r.referrals END) AS leaked
                    RETURN CASE WHEN referrals = 0 THEN 0.0 ELSE toFloat(leaked) / referrals END AS value
                    """,
            GoalMetric.INTERACTIONS_LOGGED, INTERACTIONS + """
                    RETURN toFloat(count(i)) AS value
                    """,
            GoalMetric.PHYSICIANS_REACHED, INTERACTIONS + """
                    WHERE i.reached = 'PHYSICIAN' AND x:Physician
                    RETURN toFloat(count(DISTINCT x)) AS value
                    """);

    private final Driver driver;

    Goals(Driver driver) {
        this.driver = driver;
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
        String id = UUID.randomUUID().toString();
        var values = new HashMap<String, Object>();
        values.put("id", id);
        values.put("name", name.strip());
        values.put("metric", metric.name());
        values.put("serviceLine", serviceLine == null || serviceLine.isBlank() ? null : serviceLine);
        values.put("target", target);
        values.put("periodStart", periodStart);
        values.put("periodEnd", periodEnd);
        values.put("scope", scope);
        try (var session = driver.session()) {
            session.executeWrite(tx -> {
                if (!scope.equals("TEAM")) {
                    String match = scope.equals("TERRITORY") ? "MATCH (s:Territory {id: $scopeId}) RETURN s"
                            : "MATCH (s:User {username: $scopeId}) RETURN s";
                    if (scopeId == null || !tx.run(match, Map.of("scopeId", scopeId)).hasNext()) {
                        throw new OutreachException("scopeId", "There is no " + scope.toLowerCase() + " '" + scopeId + "'");
                    }
                }
                tx.run("""
                        CREATE (g:Goal {id: $values.id}) SET g += $values, g.createdAt = datetime(), g.createdBy = $by
                        WITH g
                        OPTIONAL MATCH (s) WHERE (s:Territory AND s.id = $scopeId AND g.scope = 'TERRITORY')
                                              OR (s:User AND s.username = $scopeId AND g.scope = 'USER')
                        FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (g)-[:FOR]->(x))
                        """, Map.of("values", values, "scopeId", scopeId == null ? "" : scopeId, "by", user.username())).consume();
                return null;
            });
        }
        return all().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    public void delete(String id, CurrentUser user) {
        if (!user.managesTerritories()) {
            throw new AccessDeniedException("Only administrators and managers remove goals");
        }
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("MATCH (g:Goal {id: $id}) DETACH DELETE g", Map.of("id", id)).consume());
        }
    }

    /** Every goal, by period and name. */
    public List<Goal> all() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (g:Goal)
                    OPTIONAL MATCH (g)-[:FOR]->(s)
                    RETURN g, coalesce(s.id, s.username) AS scopeId, coalesce(s.name, s.displayName, s.username) AS scopeName
                    ORDER BY g.periodStart DESC, g.name, g.id
                    """).list(Goals::goal));
        }
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
        try (var session = driver.session()) {
            double value = session.executeRead(tx -> tx.run("MATCH (g:Goal {id: $id}) WITH g " + MEASURES.get(goal.metric()),
                    Map.of("id", goal.id())).single().get("value").asDouble());
            return new Goal.Progress(goal, value);
        }
    }

    private static Goal goal(Record r) {
        Value g = r.get("g");
        return new Goal(g.get("id").asString(), g.get("name").asString(), GoalMetric.valueOf(g.get("metric").asString()),
                g.get("serviceLine").asString(null), g.get("target").asDouble(), g.get("periodStart").asLocalDate(),
                g.get("periodEnd").asLocalDate(), g.get("scope").asString(), r.get("scopeId").asString(null),
                r.get("scopeName").asString(null));
    }
}
