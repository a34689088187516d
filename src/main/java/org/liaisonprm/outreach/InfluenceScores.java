package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.ReferralRollup;
import org.springframework.stereotype.Service;

/**
 * Each physician's influence as a referrer, as a percentile: PageRank over the physician referral network
 * weighted by referrals and projected in reverse (the {@code influential-referrers} report's measure),
 * turned into "better than this share of all ranked physicians" (0 to 1). Kept in memory per referral
 * rollup generation and window, so the target lists read it without running GDS each time.
 */
@Service
public class InfluenceScores {

    private static final Cypher PAGERANK = Cypher.load("outreach/influence-pagerank");
    private static final Cypher DROP_PROJECTION = Cypher.load("outreach/influence-drop-projection");

    private final Graph graph;
    private final ReferralRollup rollup;
    private volatile Cached cached;

    private record Cached(long generation, LocalDate from, LocalDate to, Map<String, Double> percentiles) {
    }

    InfluenceScores(Graph graph, ReferralRollup rollup) {
        this.graph = graph;
        this.rollup = rollup;
    }

    /** Influence percentiles by physician id over {@code from <= periodStart < to}; absent = 0. */
    public Map<String, Double> percentiles(LocalDate from, LocalDate to) {
        long generation = rollup.state().map(ReferralRollup.State::generation).orElse(-1L);
        Cached current = cached;
        if (current != null && current.generation == generation && current.from.equals(from) && current.to.equals(to)) {
            return current.percentiles;
        }
        var computed = compute(from, to);
        cached = new Cached(generation, from, to, computed);
        return computed;
    }

    private Map<String, Double> compute(LocalDate from, LocalDate to) {
        String graphName = "influence-" + UUID.randomUUID();
        var ranked = new ArrayList<String>();
        var scores = new ArrayList<Double>();
        try {
            graph.read(PAGERANK, Map.of("from", from, "to", to, "graphName", graphName),
                            r -> Map.entry(r.get("id").asString(), r.get("score").asDouble()))
                    .forEach(e -> {
                        ranked.add(e.getKey());
                        scores.add(e.getValue());
                    });
        } finally {
            graph.read(tx -> tx.run(DROP_PROJECTION, Map.of("graphName", graphName)));
        }
        return percentiles(ranked, scores);
    }

    /**
     * Percentiles from ids sorted by ascending score: the share of the others that score strictly lower,
     * so ties (scores equal to nine decimals) share a percentile and the top physician has 1.
     */
    static Map<String, Double> percentiles(List<String> ids, List<Double> ascendingScores) {
        var result = new HashMap<String, Double>();
        int n = ids.size();
        int firstOfTie = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && Math.round(ascendingScores.get(i) * 1e9) != Math.round(ascendingScores.get(i - 1) * 1e9)) {
                firstOfTie = i;
            }
            result.put(ids.get(i), n <= 1 ? 1.0 : (double) firstOfTie / (n - 1));
        }
        return result;
    }
}
