package org.liaisonprm.bench;

import java.time.LocalDate;
import java.util.Map;

import org.neo4j.driver.Driver;

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

    static void build(Driver driver, int physicians, int facilities, long relationships, LocalDate end) {
        int perPhysician = (int) Math.max(1, relationships / physicians);
        try (var session = driver.session()) {
            session.run("""
                    UNWIND range(0, $facilities - 1) AS i
                    CREATE (:Facility {id: 'bench-f' + i, idx: i, name: 'Facility ' + i, type: 'HOSPITAL',
                                       network: CASE WHEN i % 4 = 0 THEN 'IN' ELSE 'OUT' END})
                    """, Map.of("facilities", facilities)).consume();
            session.run("""
                    UNWIND range(0, $physicians - 1) AS i
                    CALL {
                      WITH i
                      CREATE (:Physician {id: 'bench-' + i, idx: i, name: 'Physician ' + i,
                                          serviceLine: $lines[i % size($lines)],
                                          network: CASE WHEN i % 10 < 3 THEN 'IN' WHEN i % 10 = 3 THEN 'AFFILIATED'
                                                        ELSE 'OUT' END,
                                          zip: toString(2000 + i % 300)})
                    } IN TRANSACTIONS OF 10000 ROWS
                    """, Map.of("physicians", physicians, "lines", java.util.List.of(SERVICE_LINES))).consume();
            session.run("CREATE INDEX bench_physician_idx IF NOT EXISTS FOR (p:Physician) ON (p.idx)").consume();
            session.run("CREATE INDEX bench_facility_idx IF NOT EXISTS FOR (f:Facility) ON (f.idx)").consume();
            session.run("CALL db.awaitIndexes(300)").consume();
            // every physician sends perPhysician relationships: one in five to a facility, the rest to
            // physicians; months cycle over the last twelve; volumes are heavy-tailed by index
            session.run("""
                    MATCH (p:Physician)
                    CALL {
                      WITH p
                      UNWIND range(0, $per - 1) AS k
                      WITH p, k, (p.idx * 7919 + k * 104729) AS h
                      OPTIONAL MATCH (doctor:Physician {idx: h % $physicians})
                        WHERE k % 5 <> 0 AND doctor <> p
                      OPTIONAL MATCH (site:Facility {idx: h % $facilities})
                        WHERE k % 5 = 0
                      WITH p, k, h, coalesce(doctor, site) AS target
                      WHERE target IS NOT NULL
                      WITH p, k, h, target, $end - duration({months: 1 + k % 12}) AS month,
                           1 + (h % 97) * (h % 97) / 800 AS n
                      CREATE (p)-[:REFERRED {periodStart: month, periodEnd: month + duration({months: 1}),
                                             serviceLine: $lines[(p.idx + k) % size($lines)],
                                             referrals: n, patients: n, commercial: n, medicare: 0,
                                             medicaid: 0, selfPay: 0}]->(target)
                    } IN TRANSACTIONS OF 2000 ROWS
                    """, Map.of("per", perPhysician, "physicians", physicians, "facilities", facilities,
                    "end", end, "lines", java.util.List.of(SERVICE_LINES))).consume();
        }
    }
}
