package org.liaisonprm.outreach;

import java.time.LocalDate;

/**
 * A goal for the team, a territory or a user over a period:
 * {@code (:Goal {id, name, metric, serviceLine, target, periodStart, periodEnd, scope})-[:FOR]->(:Territory|:User)}.
 *
 * @param serviceLine null for all service lines
 * @param target      kept referrals, interactions or physicians; for the leakage rate a share (0.35 = 35 %)
 *                    not to exceed
 * @param periodEnd   exclusive
 * @param scope       TEAM, TERRITORY or USER
 * @param scopeId     the territory's id or the user name; null for the team
 */
public record Goal(String id, String name, GoalMetric metric, String serviceLine, double target, LocalDate periodStart,
                   LocalDate periodEnd, String scope, String scopeId, String scopeName) {

    /** The share of the period gone by at the start of {@code today}: 0 before it begins, 1 once it has ended. */
    public double elapsed(LocalDate today) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(periodStart, periodEnd);
        long gone = java.time.temporal.ChronoUnit.DAYS.between(periodStart, today);
        return days <= 0 ? 1 : Math.max(0, Math.min(1, (double) gone / days));
    }

    /**
     * A goal with its value measured on the graph, on a day.
     * <p>
     * A count (kept referrals, interactions, physicians reached) is expected to grow evenly over the period:
     * by today, the target times the share of the period gone by. A leakage rate is a ceiling at every day
     * of the period, so its expected value is the target itself.
     */
    public record Progress(Goal goal, double value, LocalDate today) {

        /** True when the value reaches the target (for the leakage rate: stays at or below it). */
        public boolean met() {
            return goal.metric().higherIsBetter() ? value >= goal.target() : value <= goal.target();
        }

        /** What the value should be by today to reach the target at the period's end. */
        public double expected() {
            return goal.metric().higherIsBetter() ? goal.target() * goal.elapsed(today) : goal.target();
        }

        /** Where the goal stands today. */
        public GoalState state() {
            if (today.isBefore(goal.periodStart())) {
                return GoalState.NOT_STARTED;
            }
            boolean ended = !today.isBefore(goal.periodEnd());
            if (ended) {
                return met() ? GoalState.MET : GoalState.MISSED;
            }
            if (goal.metric().higherIsBetter()) {
                return met() ? GoalState.MET : value >= expected() ? GoalState.ON_TRACK : GoalState.BEHIND;
            }
            return met() ? GoalState.ON_TRACK : GoalState.BEHIND;
        }

        /**
         * How full the bar is, 0 to 1: a count against its target; a leakage rate as the rate itself, on a
         * scale of 0 to 100 %, so a rate above its ceiling shows past the ceiling's mark.
         */
        public double fraction() {
            if (goal.metric().higherIsBetter()) {
                return goal.target() <= 0 ? 1 : Math.min(1, value / goal.target());
            }
            return Math.max(0, Math.min(1, value));
        }

        /** Where the bar's mark sits, 0 to 1: today's pace for a count, the ceiling for a leakage rate. */
        public double mark() {
            if (goal.metric().higherIsBetter()) {
                return goal.target() <= 0 ? 1 : Math.min(1, expected() / goal.target());
            }
            return Math.max(0, Math.min(1, goal.target()));
        }
    }
}
