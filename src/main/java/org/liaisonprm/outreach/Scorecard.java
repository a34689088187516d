package org.liaisonprm.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The team scorecard a manager reads: per liaison, this quarter's activity against their own
 * interactions goal and its pace, the physicians they reached in person, their last visit and what is
 * overdue (docs/outreach.md, "Scorecard").
 */
@Service
public class Scorecard {

    private static final Cypher SCORECARD = Cypher.load("outreach/scorecard");

    private final Graph graph;
    private final Goals goals;
    private final Clock clock;

    @Autowired
    Scorecard(Graph graph, Goals goals) {
        this(graph, goals, Clock.systemDefaultZone());
    }

    Scorecard(Graph graph, Goals goals, Clock clock) {
        this.graph = graph;
        this.goals = goals;
        this.clock = clock;
    }

    /**
     * One liaison's line.
     *
     * @param goal the liaison's own interactions goal whose period holds today, with its progress; empty
     *             when they have none
     */
    public record Line(String username, String name, long interactions, long physiciansReached, LocalDate lastVisit,
                       long overdueFollowUps, long overdueTasks, Optional<Goal.Progress> goal) {
    }

    /** The quarter that holds a day: its first day and the first day after it. */
    public static LocalDate[] quarterOf(LocalDate day) {
        LocalDate start = day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
        return new LocalDate[] {start, start.plusMonths(3)};
    }

    /** Every enabled liaison's line for the quarter that holds today; for administrators and managers. */
    public List<Line> lines(CurrentUser user) {
        if (!user.seesTeam()) {
            throw new AccessDeniedException("Only administrators and managers see the team's scorecard");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate[] quarter = quarterOf(today);
        List<String> faceToFace = Arrays.stream(InteractionType.values()).filter(InteractionType::faceToFace)
                .map(Enum::name).toList();
        var own = goals.all().stream()
                .filter(g -> g.scope().equals("USER") && g.metric() == GoalMetric.INTERACTIONS_LOGGED
                        && !today.isBefore(g.periodStart()) && today.isBefore(g.periodEnd()))
                .toList();
        return graph.read(SCORECARD, Map.of("from", quarter[0], "to", quarter[1], "today", today,
                "faceToFace", faceToFace), r -> {
            String username = r.get("username").asString();
            var goal = own.stream().filter(g -> username.equals(g.scopeId())).findFirst().map(goals::progress);
            return new Line(username, r.get("name").asString(), r.get("interactions").asLong(),
                    r.get("reached").asLong(), r.get("lastVisit").isNull() ? null : r.get("lastVisit").asLocalDate(),
                    r.get("overdueFollowUps").asLong(), r.get("overdueTasks").asLong(), goal);
        });
    }
}
