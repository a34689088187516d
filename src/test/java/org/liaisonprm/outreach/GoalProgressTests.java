package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Pace and state of hand-made goals. The quarter of January to March 2026 has 90 days; on 15 February 45
 * of them are gone, so a target of 90 is expected at 45 by then.
 */
class GoalProgressTests {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate APR = LocalDate.of(2026, 4, 1);
    private static final LocalDate MID = LocalDate.of(2026, 2, 15);

    private static Goal goal(GoalMetric metric, double target) {
        return new Goal("g", "G", metric, null, target, JAN, APR, "TEAM", null, null);
    }

    private static Goal.Progress progress(GoalMetric metric, double target, double value, LocalDate today) {
        return new Goal.Progress(goal(metric, target), value, today);
    }

    @Test
    void aCountIsExpectedToGrowEvenlyOverItsPeriod() {
        assertThat(goal(GoalMetric.INTERACTIONS_LOGGED, 90).elapsed(MID)).isCloseTo(0.5, within(1e-9));
        var behind = progress(GoalMetric.INTERACTIONS_LOGGED, 90, 40, MID);
        assertThat(behind.expected()).isCloseTo(45, within(1e-9));
        assertThat(behind.state()).isEqualTo(GoalState.BEHIND);
        assertThat(behind.fraction()).isCloseTo(40.0 / 90, within(1e-9));
        assertThat(behind.mark()).isCloseTo(0.5, within(1e-9));
        assertThat(GoalsView.describe(behind)).isEqualTo("40 of 90 · 45 expected by today");

        assertThat(progress(GoalMetric.INTERACTIONS_LOGGED, 90, 45, MID).state()).isEqualTo(GoalState.ON_TRACK);
        assertThat(progress(GoalMetric.KEPT_REFERRALS, 90, 90, MID).state()).as("reached early")
                .isEqualTo(GoalState.MET);
        assertThat(GoalsView.describe(progress(GoalMetric.KEPT_REFERRALS, 90, 95, MID))).isEqualTo("95 of 90");
    }

    @Test
    void aCountIsMetOrMissedOnceItsPeriodEnds() {
        assertThat(progress(GoalMetric.PHYSICIANS_REACHED, 90, 80, APR).state()).isEqualTo(GoalState.MISSED);
        assertThat(progress(GoalMetric.PHYSICIANS_REACHED, 90, 90, APR).state()).isEqualTo(GoalState.MET);
        assertThat(progress(GoalMetric.PHYSICIANS_REACHED, 90, 80, APR).mark()).as("the whole target is due")
                .isEqualTo(1.0);
        assertThat(progress(GoalMetric.PHYSICIANS_REACHED, 90, 0, JAN.minusDays(1)).state())
                .isEqualTo(GoalState.NOT_STARTED);
        assertThat(progress(GoalMetric.PHYSICIANS_REACHED, 90, 0, JAN).expected()).isZero();
    }

    /** A leakage rate is a ceiling every day: 71.6 % against at most 64 % is behind, and shows as 71.6 % full. */
    @Test
    void aLeakageRateIsACeilingEveryDay() {
        var over = progress(GoalMetric.LEAKAGE_RATE, 0.64, 0.716, MID);
        assertThat(over.state()).isEqualTo(GoalState.BEHIND);
        assertThat(over.expected()).isEqualTo(0.64);
        assertThat(over.fraction()).isCloseTo(0.716, within(1e-9));
        assertThat(over.mark()).isCloseTo(0.64, within(1e-9));
        assertThat(GoalsView.describe(over)).isEqualTo("71.6 % · at most 64.0 %");
        assertThat(progress(GoalMetric.LEAKAGE_RATE, 0.64, 0.716, APR).state()).isEqualTo(GoalState.MISSED);
        assertThat(progress(GoalMetric.LEAKAGE_RATE, 0.64, 0.5, MID).state()).isEqualTo(GoalState.ON_TRACK);
        assertThat(progress(GoalMetric.LEAKAGE_RATE, 0.64, 0.5, APR).state()).isEqualTo(GoalState.MET);
    }

    @Test
    void everyStateHasAColour() {
        assertThat(GoalState.BEHIND.cssClass()).isEqualTo("goal-state-behind");
        assertThat(GoalState.NOT_STARTED.cssClass()).isEqualTo("goal-state-not-started");
    }
}
