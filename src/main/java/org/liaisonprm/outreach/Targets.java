package org.liaisonprm.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.ReferralCalendar;
import org.liaisonprm.report.ReportProperties;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Ranks the physicians of a territory by {@link OpportunityScore}, over the latest
 * {@code liaison.outreach.score.window-months} months of referrals.
 */
@Service
public class Targets {

    private static final Cypher TERRITORY_TARGETS = Cypher.load("outreach/territory-targets");

    private final Graph graph;
    private final Territories territories;
    private final InfluenceScores influence;
    private final ReferralCalendar calendar;
    private final OutreachProperties properties;
    private final ReportProperties revenue;
    private final Clock clock;

    @Autowired
    Targets(Graph graph, Territories territories, InfluenceScores influence, ReferralCalendar calendar,
            OutreachProperties properties, ReportProperties revenue) {
        this(graph, territories, influence, calendar, properties, revenue, Clock.systemDefaultZone());
    }

    Targets(Graph graph, Territories territories, InfluenceScores influence, ReferralCalendar calendar,
            OutreachProperties properties, ReportProperties revenue, Clock clock) {
        this.graph = graph;
        this.territories = territories;
        this.influence = influence;
        this.calendar = calendar;
        this.properties = properties;
        this.revenue = revenue;
        this.clock = clock;
    }

    /**
     * What to rank: a service line (null = all; the score then reads only that line's referrals) and a
     * segment (null = all), at most {@code limit} rows.
     */
    public record Filter(String serviceLine, Segment segment, int limit) {
        public static final Filter ALL = new Filter(null, null, 500);
    }

    /** The referral months the score reads: {@code from} inclusive, {@code to} exclusive. */
    public record Window(LocalDate from, LocalDate to) {
    }

    public Window window() {
        LocalDate to = calendar.dataEnd();
        return new Window(to.minusMonths(properties.score().windowMonths()), to);
    }

    /**
     * The territory's physicians by descending score.
     *
     * @throws OutreachException when the territory does not exist or the user may not see it
     */
    public List<Target> forTerritory(String territoryId, Filter filter, CurrentUser user) {
        Window window = window();
        return forTerritory(territoryId, filter, user, window, influence.percentiles(window.from(), window.to()));
    }

    /** Each territory's physicians by descending score, the influence ranked once for all of them. */
    Map<String, List<Target>> forTerritories(List<String> territoryIds, Filter filter, CurrentUser user) {
        Window window = window();
        Map<String, Double> percentiles = influence.percentiles(window.from(), window.to());
        var ranked = new java.util.LinkedHashMap<String, List<Target>>();
        for (String id : territoryIds) {
            ranked.put(id, forTerritory(id, filter, user, window, percentiles));
        }
        return ranked;
    }

    private List<Target> forTerritory(String territoryId, Filter filter, CurrentUser user, Window window,
                                      Map<String, Double> percentiles) {
        territories.find(territoryId, user)
                .orElseThrow(() -> new OutreachException("territory", "There is no territory '" + territoryId + "' you may see"));
        var parameters = new HashMap<String, Object>();
        parameters.put("id", territoryId);
        parameters.put("from", window.from());
        parameters.put("to", window.to());
        parameters.put("serviceLine", filter.serviceLine());
        List<Row> rows = graph.read(TERRITORY_TARGETS, parameters, r -> new Row(r.get("id").asString(),
                r.get("name").asString(null), r.get("specialty").asString(null), r.get("practice").asString(null),
                r.get("city").asString(null), r.get("zip").asString(null), r.get("network").asString(null),
                r.get("lines").asList(Value::asMap),
                r.get("lastContact").isNull() ? null : r.get("lastContact").asLocalDate()));
        return rank(rows, percentiles, filter);
    }

    private record Row(String id, String name, String specialty, String practice, String city, String zip,
                       String network, List<Map<String, Object>> lines, LocalDate lastContact) {
    }

    private List<Target> rank(List<Row> rows, Map<String, Double> percentiles, Filter filter) {
        var scorer = new OpportunityScore(properties.score());
        LocalDate today = LocalDate.now(clock);
        var inputs = new ArrayList<OpportunityScore.Inputs>();
        double maxLeakedRevenue = 0;
        for (Row row : rows) {
            long referrals = 0;
            long kept = 0;
            double leakedRevenue = 0;
            for (var line : row.lines()) {
                long n = ((Number) line.get("referrals")).longValue();
                long k = ((Number) line.get("kept")).longValue();
                referrals += n;
                kept += k;
                leakedRevenue += (n - k) * revenuePerCase((String) line.get("line"));
            }
            Integer days = row.lastContact() == null ? null
                    : (int) Math.max(0, ChronoUnit.DAYS.between(row.lastContact(), today));
            inputs.add(new OpportunityScore.Inputs(referrals, kept, referrals - kept, leakedRevenue, 0,
                    percentiles.getOrDefault(row.id(), 0.0), days));
            maxLeakedRevenue = Math.max(maxLeakedRevenue, leakedRevenue);
        }
        var targets = new ArrayList<Target>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            var in = inputs.get(i);
            in = new OpportunityScore.Inputs(in.referrals(), in.kept(), in.leaked(), in.leakedRevenue(), maxLeakedRevenue,
                    in.influence(), in.daysSinceContact());
            var parts = scorer.score(in);
            if (filter.segment() != null && parts.segment() != filter.segment()) {
                continue;
            }
            targets.add(new Target(row.id(), row.name(), row.specialty(), row.practice(), row.city(), row.zip(),
                    row.network(), in.referrals(), in.kept(), in.leaked(), in.leakedRevenue(), parts.segment(),
                    in.influence(), row.lastContact(), in.daysSinceContact(), parts.score(), parts.leakage(),
                    parts.influence(), parts.segmentPoints(), parts.recency(), scorer.explain(in, parts)));
        }
        targets.sort(Comparator.comparingDouble(Target::score).reversed().thenComparing(Target::physicianId));
        return targets.size() > filter.limit() ? List.copyOf(targets.subList(0, filter.limit())) : targets;
    }

    double revenuePerCase(String serviceLine) {
        return revenue.revenuePerCase().getOrDefault(serviceLine, revenue.defaultRevenuePerCase());
    }
}
