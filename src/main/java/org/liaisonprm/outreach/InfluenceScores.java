package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.liaisonprm.graph.ReferralRollup;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Each physician's influence as a referrer, as a percentile: PageRank over the physician referral network
 * weighted by referrals and projected in reverse (the {@code influential-referrers} report's measure),
 * turned into "better than this share of all ranked physicians" (0 to 1). Kept in memory per referral
 * rollup generation and window, so the target lists read it without running GDS each time.
 */
@Service
public class InfluenceScores {

    private final Driver driver;
    private final ReferralRollup rollup;
    private volatile Cached cached;

    private record Cached(long generation, LocalDate from, LocalDate to, Map<String, Double> percentiles) {
    }

    InfluenceScores(Driver driver, ReferralRollup rollup) {
        this.driver = driver;
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
        try (var session = driver.session()) {
            try {
                session.executeRead(tx -> {
                    tx.run("""
                            MATCH (sender:Physician)-[r:REFERRED]->(receiver:Physician)
                            WHERE r.periodStart >= $from AND r.periodStart < $to
                            WITH sender, receiver, sum(r.referrals) AS referrals
                            WITH gds.graph.project($graphName, receiver, sender,
                                                   {relationshipProperties: {referrals: referrals}}) AS projection
                            CALL gds.pageRank.stream($graphName, {relationshipWeightProperty: 'referrals'})
                            YIELD nodeId, score
                            RETURN gds.util.asNode(nodeId).id AS id, score
                            ORDER BY score, id
                            """, Map.of("from", from, "to", to, "graphName", graphName))
                            .forEachRemaining(r -> {
                                ranked.add(r.get("id").asString());
                                scores.add(r.get("score").asDouble());
                            });
                    return null;
                });
            } finally {
                session.executeRead(tx -> tx.run("CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName",
                        Map.of("graphName", graphName)).consume());
            }
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
