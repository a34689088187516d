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

    /** A goal with its value measured on the graph. */
    public record Progress(Goal goal, double value) {

        /** True when the value reaches the target (for the leakage rate: stays at or below it). */
        public boolean met() {
            return goal.metric().higherIsBetter() ? value >= goal.target() : value <= goal.target();
        }

        /** How far along, 0 to 1, for a progress bar. */
        public double fraction() {
            if (goal.metric().higherIsBetter()) {
                return goal.target() <= 0 ? 1 : Math.min(1, value / goal.target());
            }
            return value <= goal.target() ? 1 : (value <= 0 ? 0 : Math.max(0, goal.target() / value));
        }
    }
}
