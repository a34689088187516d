package org.liaisonprm.graph;

import java.time.LocalDate;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which months the referral data covers: reports and the explorer default to the latest of them.
 */
@Service
public class ReferralCalendar {

    private static final String LATEST_PERIOD = """
            MATCH ()-[r:REFERRED]->() WHERE r.periodStart IS NOT NULL
            RETURN r.periodStart AS latest ORDER BY latest DESC LIMIT 1
            """;

    private final Neo4jClient neo4j;

    ReferralCalendar(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * The first day after the latest month that holds referrals (an exclusive period end); the first day of
     * the current month when the graph holds none.
     */
    @Transactional(readOnly = true)
    public LocalDate dataEnd() {
        return neo4j.query(LATEST_PERIOD).fetchAs(LocalDate.class)
                .mappedBy((types, row) -> row.get("latest").asLocalDate())
                .one()
                .map(latest -> latest.withDayOfMonth(1).plusMonths(1))
                .orElse(LocalDate.now().withDayOfMonth(1));
    }
}
