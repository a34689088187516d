package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The tests behind a drifting-referrer alert against values worked out independently (exact sums of the
 * Poisson and binomial probabilities).
 */
class DriftStatisticsTests {

    private static final AlertProperties.Drift DEFAULTS = new AlertProperties.Drift(3, 12, 0.01, 15, 0.25, 15, 0.15);

    @Test
    void poissonLowerTailMatchesExactSums() {
        assertThat(DriftStatistics.poissonAtMost(0, 1)).isCloseTo(Math.exp(-1), within(1e-12));
        assertThat(DriftStatistics.poissonAtMost(2, 2)).isCloseTo(0.6766764161830636, within(1e-12));
        assertThat(DriftStatistics.poissonAtMost(12, 18)).isCloseTo(0.09166917742423075, within(1e-10));
        assertThat(DriftStatistics.poissonAtMost(6, 30)).isCloseTo(1.1731942002346936e-07, within(1e-13));
        // a large mean stays finite
        assertThat(DriftStatistics.poissonAtMost(950, 1000)).isCloseTo(0.05783629295530511, within(1e-9));
        assertThat(DriftStatistics.poissonAtMost(-1, 5)).isZero();
        assertThat(DriftStatistics.poissonAtMost(3, 0)).isEqualTo(1);
    }

    @Test
    void binomialUpperTailMatchesExactSums() {
        assertThat(DriftStatistics.binomialAtLeast(3, 10, 0.2)).isCloseTo(0.3222004736, within(1e-10));
        assertThat(DriftStatistics.binomialAtLeast(18, 42, 0.1)).isCloseTo(3.27446735618815e-08, within(1e-14));
        assertThat(DriftStatistics.binomialAtLeast(0, 10, 0.2)).isEqualTo(1);
        assertThat(DriftStatistics.binomialAtLeast(11, 10, 0.2)).isZero();
        assertThat(DriftStatistics.binomialAtLeast(1, 10, 0)).isZero();
        assertThat(DriftStatistics.binomialAtLeast(400, 1000, 0.35)).isBetween(0.0005, 0.001);
    }

    @Test
    void aCollapseIsDrift() {
        // 10 kept a month for a year predicts 30 in three months; 6 were kept
        var verdict = DriftStatistics.judge(120, 120, 6, 6, DEFAULTS);
        assertThat(verdict.expectedKept()).isEqualTo(30);
        assertThat(verdict.keptFell()).isTrue();
        assertThat(verdict.shareRose()).isFalse();
        assertThat(verdict.drifting()).isTrue();
    }

    @Test
    void aFallWithinChanceIsNot() {
        // 6 kept a month predicts 18; 12 is a third fewer, but happens by chance 9 % of the time
        var verdict = DriftStatistics.judge(72, 72, 12, 12, DEFAULTS);
        assertThat(verdict.keptP()).isCloseTo(0.0917, within(1e-4));
        assertThat(verdict.drifting()).isFalse();
    }

    @Test
    void aSignificantButSmallFallIsNot() {
        // 100 kept a month predicts 300; 255 is unlikely by chance (p ≈ 0.005) but only 15 % fewer
        var verdict = DriftStatistics.judge(1200, 1200, 255, 255, DEFAULTS);
        assertThat(verdict.keptP()).isLessThan(0.01);
        assertThat(verdict.keptFell()).isFalse();
    }

    @Test
    void tooLittleVolumeIsNotTested() {
        // 3 kept a month predicts 9, below the minimum of 15: not tested even though none were kept
        var verdict = DriftStatistics.judge(36, 36, 0, 0, DEFAULTS);
        assertThat(verdict.keptP()).isNaN();
        assertThat(verdict.drifting()).isFalse();
    }

    @Test
    void aRisingShareOutIsDrift() {
        // 10 % left the network before; now 18 of 42
        var verdict = DriftStatistics.judge(108, 120, 24, 42, DEFAULTS);
        assertThat(verdict.keptFell()).isFalse();
        assertThat(verdict.baselineOut()).isCloseTo(0.1, within(1e-12));
        assertThat(verdict.recentOut()).isCloseTo(18.0 / 42, within(1e-12));
        assertThat(verdict.outP()).isCloseTo(3.27446735618815e-08, within(1e-14));
        assertThat(verdict.shareRose()).isTrue();
    }
}
