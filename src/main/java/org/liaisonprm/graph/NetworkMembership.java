package org.liaisonprm.graph;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the {@code network} property of every physician, practice and facility true to ownership,
 * employment and affiliation (docs/graph-model.md, "Network membership"):
 * <ul>
 *   <li>a practice or facility is {@code IN} when it is {@code PART_OF} the home health system;</li>
 *   <li>a physician is {@code IN} when {@code EMPLOYED_BY} the home system or practising at an {@code IN}
 *       practice, {@code AFFILIATED} when affiliated with an {@code IN} facility, otherwise {@code OUT};</li>
 *   <li>an independent practice (part of no health system) with an {@code AFFILIATED} physician is
 *       {@code AFFILIATED};</li>
 *   <li>everything else is {@code OUT}.</li>
 * </ul>
 * The same statements set {@code inNetwork}, the one place the kept-or-leaked rule is written: a referral is
 * kept when its target's {@code inNetwork} is true, and a sender with {@code inNetwork} true counts towards
 * leakage. Java code asks {@link #inNetwork(String)}.
 * <p>
 * Whatever changes ownership, employment or affiliation calls {@link #recompute()} in the same unit of work.
 */
@Service
public class NetworkMembership {

    private static final Logger log = LoggerFactory.getLogger(NetworkMembership.class);

    private static final Cypher OWNED = Cypher.load("graph/network-owned");
    private static final Cypher PHYSICIANS = Cypher.load("graph/network-physicians");
    private static final Cypher AFFILIATED_PRACTICES = Cypher.load("graph/network-affiliated-practices");

    private final Graph graph;

    NetworkMembership(Graph graph) {
        this.graph = graph;
    }

    /**
     * Whether a provider with this {@code network} is in network: {@code IN} or {@code AFFILIATED}. Its
     * referrals in are kept, and the ones it sends out of network are leakage.
     */
    public static boolean inNetwork(String network) {
        return "IN".equals(network) || "AFFILIATED".equals(network);
    }

    /**
     * Recomputes {@code network} and {@code inNetwork} for the whole graph, in one transaction, writing only
     * the providers whose membership changed; returns how many properties it set (none when nothing changed).
     */
    public int recompute() {
        long started = System.nanoTime();
        int set = graph.write(tx -> tx.run(OWNED, Map.of()).counters().propertiesSet()
                + tx.run(PHYSICIANS, Map.of()).counters().propertiesSet()
                + tx.run(AFFILIATED_PRACTICES, Map.of()).counters().propertiesSet());
        log.info("Network membership recomputed in {} ms ({} properties changed)",
                (System.nanoTime() - started) / 1_000_000, set);
        return set;
    }
}
