package org.liaisonprm.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;

/**
 * A large synthetic referral graph for benchmarks, generated inside the database (server-side
 * {@code UNWIND}) so that building it is not what is measured. Deterministic: no random function, only
 * arithmetic on indexes.
 * <p>
 * Physicians are 30% in network, 10% affiliated, 60% out; each sends {@code perPhysician} monthly
 * referral relationships to physicians and facilities over the 12 months before {@code end}.
 */
final class BenchmarkGraph {

    static final String[] SERVICE_LINES = {"Orthopedics", "Cardiology", "Oncology", "Neurosciences",
            "General Surgery", "Women's Health", "Imaging", "Gastroenterology", "Urology", "Behavioral Health"};

    private BenchmarkGraph() {
    }

    private static final Cypher FACILITIES = Cypher.load("bench/facilities");
    private static final Cypher PHYSICIANS = Cypher.load("bench/physicians");
    private static final Cypher PHYSICIAN_INDEX = Cypher.load("bench/physician-index");
    private static final Cypher FACILITY_INDEX = Cypher.load("bench/facility-index");
    private static final Cypher AWAIT_INDEXES = Cypher.load("graph/await-indexes");
    private static final Cypher REFERRALS = Cypher.load("bench/referrals");

    /** Physicians and referrals are written with {@code CALL { … } IN TRANSACTIONS}, in auto-commit transactions. */
    static void build(Graph graph, int physicians, int facilities, long relationships, LocalDate end) {
        int perPhysician = (int) Math.max(1, relationships / physicians);
        graph.write(FACILITIES, Map.of("facilities", facilities));
        graph.autoCommit(PHYSICIANS, Map.of("physicians", physicians, "lines", List.of(SERVICE_LINES)));
        graph.write(PHYSICIAN_INDEX, Map.of());
        graph.write(FACILITY_INDEX, Map.of());
        graph.write(AWAIT_INDEXES, Map.of("seconds", 300));
        graph.autoCommit(REFERRALS, Map.of("per", perPhysician, "physicians", physicians, "facilities", facilities,
                "end", end, "lines", List.of(SERVICE_LINES)));
    }
}
