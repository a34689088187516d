package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liaisonprm.graph.ReferralCalendar;
import org.liaisonprm.report.ReportResult;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Figures for the home dashboards: interaction counts, team activity by week, type and reach, and the kept
 * share trend of the territories' physicians by service line. Results come as {@link ReportResult}s so the
 * report charts draw them.
 */
@Service
public class Activity {

    private final Driver driver;
    private final ReferralCalendar calendar;

    Activity(Driver driver, ReferralCalendar calendar) {
        this.driver = driver;
        this.calendar = calendar;
    }

    /** Interactions and physicians reached by one user (or the team, username null) since a day. */
    public record Counts(long interactions, long reachedPhysician, long physicians) {
    }

    public Counts counts(String username, LocalDate since) {
        var p = new HashMap<String, Object>();
        p.put("username", username);
        p.put("since", since);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var r = tx.run("""
                        MATCH (u:User)-[:LOGGED]->(i:Interaction)-[:WITH]->(x)
                        WHERE ($username IS NULL OR u.username = $username) AND i.date >= $since
                        RETURN count(i) AS interactions,
                               count(CASE WHEN i.reached = 'PHYSICIAN' THEN 1 END) AS reached,
                               count(DISTINCT x) AS physicians
                        """, p).single();
                return new Counts(r.get("interactions").asLong(), r.get("reached").asLong(), r.get("physicians").asLong());
            });
        }
    }

    /** Interactions per week (Mondays) and type since a day: columns week, type, interactions. */
    public ReportResult byWeekAndType(LocalDate since) {
        return result(List.of("week", "type", "interactions"), """
                MATCH (:User)-[:LOGGED]->(i:Interaction) WHERE i.date >= $since
                WITH date.truncate('week', i.date) AS week, i.type AS type, count(*) AS n
                RETURN toString(week) AS week, type, n ORDER BY week, type
                """, Map.of("since", since));
    }

    /** Per liaison since a day: interactions by whom they reached. Columns name, reached, interactions. */
    public ReportResult byUserAndReach(LocalDate since) {
        return result(List.of("liaison", "reached", "interactions"), """
                MATCH (u:User)-[:LOGGED]->(i:Interaction) WHERE i.date >= $since
                WITH u.username AS liaison, i.reached AS reached, count(*) AS n
                RETURN liaison, reached, n ORDER BY liaison, reached
                """, Map.of("since", since));
    }

    /**
     * Kept share (whole percent) by month and service line of the referrals sent by the physicians of the
     * given territories (all territories when null) over the last {@code months} months of data. Columns
     * month, serviceLine, keptPercent.
     */
    public ReportResult keptShareTrend(List<String> territoryIds, int months) {
        LocalDate to = calendar.dataEnd();
        var p = new HashMap<String, Object>();
        p.put("ids", territoryIds);
        p.put("from", to.minusMonths(months));
        p.put("to", to);
        return result(List.of("month", "serviceLine", "keptPercent"), """
                MATCH (t:Territory) WHERE $ids IS NULL OR t.id IN $ids
                UNWIND t.zips AS zip
                WITH collect(DISTINCT zip) AS zips
                MATCH (p:Physician)-[r:REFERRED]->(x)
                WHERE p.zip IN zips AND r.periodStart >= $from AND r.periodStart < $to
                WITH r.periodStart AS month, r.serviceLine AS line, sum(r.referrals) AS referrals,
                     sum(CASE WHEN x.network IN ['IN', 'AFFILIATED'] THEN r.referrals ELSE 0 END) AS kept
                WITH month, line, toInteger(round(100.0 * kept / referrals)) AS percent
                ORDER BY month, line
                RETURN substring(toString(month), 0, 7) AS month, line, percent
                """, p);
    }

    private ReportResult result(List<String> columns, String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            var rows = session.executeRead(tx -> tx.run(cypher, parameters).list(r -> {
                var row = new ArrayList<Object>();
                for (int i = 0; i < columns.size(); i++) {
                    var v = r.get(i);
                    row.add(v.isNull() ? null : v.asObject());
                }
                return (List<Object>) row;
            }));
            return new ReportResult(columns, rows, false, 0);
        }
    }
}
