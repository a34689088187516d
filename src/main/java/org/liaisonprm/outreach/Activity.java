package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.ReferralCalendar;
import org.liaisonprm.report.ReportResult;
import org.springframework.stereotype.Service;

/**
 * Figures for the home dashboards: interaction counts, team activity by week, type and reach, and the kept
 * share trend of the territories' physicians by service line. Results come as {@link ReportResult}s so the
 * report charts draw them.
 */
@Service
public class Activity {

    private static final Cypher COUNTS = Cypher.load("outreach/interaction-counts");
    private static final Cypher BY_WEEK_AND_TYPE = Cypher.load("outreach/interactions-by-week-and-type");
    private static final Cypher BY_LIAISON_AND_REACH = Cypher.load("outreach/interactions-by-liaison-and-reach");
    private static final Cypher KEPT_SHARE_TREND = Cypher.load("outreach/kept-share-trend");

    private final Graph graph;
    private final ReferralCalendar calendar;

    Activity(Graph graph, ReferralCalendar calendar) {
        this.graph = graph;
        this.calendar = calendar;
    }

    /** Interactions and physicians reached by one user (or the team, username null) since a day. */
    public record Counts(long interactions, long reachedPhysician, long physicians) {
    }

    public Counts counts(String username, LocalDate since) {
        var p = new HashMap<String, Object>();
        p.put("username", username);
        p.put("since", since);
        return graph.readOne(COUNTS, p, r -> new Counts(r.get("interactions").asLong(), r.get("reached").asLong(),
                r.get("physicians").asLong())).orElseThrow();
    }

    /** Interactions per week (Mondays) and type since a day: columns week, type, interactions. */
    public ReportResult byWeekAndType(LocalDate since) {
        return result(List.of("week", "type", "interactions"), BY_WEEK_AND_TYPE, Map.of("since", since));
    }

    /** Per liaison since a day: interactions by whom they reached. Columns name, reached, interactions. */
    public ReportResult byUserAndReach(LocalDate since) {
        return result(List.of("liaison", "reached", "interactions"), BY_LIAISON_AND_REACH, Map.of("since", since));
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
        return result(List.of("month", "serviceLine", "keptPercent"), KEPT_SHARE_TREND, p);
    }

    private ReportResult result(List<String> columns, Cypher statement, Map<String, Object> parameters) {
        var rows = graph.read(statement, parameters, r -> {
            var row = new ArrayList<Object>();
            for (int i = 0; i < columns.size(); i++) {
                var v = r.get(i);
                row.add(v.isNull() ? null : v.asObject());
            }
            return (List<Object>) row;
        });
        return new ReportResult(columns, rows, false, 0);
    }
}
