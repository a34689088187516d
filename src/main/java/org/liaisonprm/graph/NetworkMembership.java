package org.liaisonprm.graph;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 * Whatever changes ownership, employment or affiliation calls {@link #recompute()} in the same unit of work.
 */
@Service
public class NetworkMembership {

    private static final Logger log = LoggerFactory.getLogger(NetworkMembership.class);

    private static final String OWNED = """
            MATCH (n) WHERE n:Practice OR n:Facility
            WITH n, EXISTS { (n)-[:PART_OF]->(:HealthSystem {home: true}) } AS owned
            SET n.network = CASE WHEN owned THEN 'IN' ELSE 'OUT' END
            """;

    private static final String PHYSICIANS = """
            MATCH (p:Physician)
            WITH p,
                 EXISTS { (p)-[:EMPLOYED_BY]->(:HealthSystem {home: true}) }
                   OR EXISTS { (p)-[:PRACTICES_AT]->(:Practice {network: 'IN'}) } AS inNetwork,
                 EXISTS { (p)-[:AFFILIATED_WITH]->(:Facility {network: 'IN'}) } AS affiliated
            SET p.network = CASE WHEN inNetwork THEN 'IN' WHEN affiliated THEN 'AFFILIATED' ELSE 'OUT' END
            """;

    private static final String AFFILIATED_PRACTICES = """
            MATCH (pr:Practice {network: 'OUT'})
            WHERE NOT (pr)-[:PART_OF]->(:HealthSystem)
              AND EXISTS { (:Physician {network: 'AFFILIATED'})-[:PRACTICES_AT]->(pr) }
            SET pr.network = 'AFFILIATED'
            """;

    private final Neo4jClient neo4j;

    NetworkMembership(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Recomputes {@code network} for the whole graph. */
    @Transactional
    public void recompute() {
        long started = System.nanoTime();
        neo4j.query(OWNED).run();
        neo4j.query(PHYSICIANS).run();
        neo4j.query(AFFILIATED_PRACTICES).run();
        log.info("Network membership recomputed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
