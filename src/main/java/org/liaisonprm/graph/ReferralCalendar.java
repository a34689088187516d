package org.liaisonprm.graph;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Which months the referral data covers: reports and the explorer default to the latest of them.
 */
@Service
public class ReferralCalendar {

    private static final Cypher LATEST_PERIOD = Cypher.load("graph/latest-period");

    private final Graph graph;
    private final GraphAnswers answers;

    ReferralCalendar(Graph graph, GraphAnswers answers) {
        this.graph = graph;
        this.answers = answers;
    }

    /**
     * The first day after the latest month that holds referrals (an exclusive period end); the first day of
     * the current month when the graph holds none.
     */
    public LocalDate dataEnd() {
        return answers.get("data-end", "", end -> 1, () -> graph.readOne(LATEST_PERIOD, Map.of(),
                        row -> row.get("latest").asLocalDate())
                .map(latest -> latest.withDayOfMonth(1).plusMonths(1))
                .orElse(LocalDate.now().withDayOfMonth(1)));
    }
}
