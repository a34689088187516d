package org.liaisonprm.outreach;

/**
 * The two one-sided tests behind a drifting-referrer alert (docs/outreach.md, "Drifting referrer").
 * <ul>
 *   <li><b>Kept count</b>: the baseline's mean of kept referrals per month, times the months of the recent
 *       window, is the count expected; under "nothing changed" the recent count is Poisson with that mean, and
 *       {@link #poissonAtMost} is the chance of seeing as few or fewer.</li>
 *   <li><b>Share out of network</b>: under "nothing changed" each recent referral leaves the network with the
 *       baseline's share, and {@link #binomialAtLeast} is the chance of seeing as many or more leave.</li>
 * </ul>
 */
final class DriftStatistics {

    private DriftStatistics() {
    }

    /** P(X ≤ k) for X ~ Poisson(mean). */
    static double poissonAtMost(long k, double mean) {
        if (k < 0) {
            return 0;
        }
        if (mean <= 0) {
            return 1;
        }
        // sum of exp(i·ln(mean) − mean − ln(i!)), in log space to stay finite for large means
        double logTerm = -mean;
        double sum = Math.exp(logTerm);
        for (long i = 1; i <= k; i++) {
            logTerm += Math.log(mean) - Math.log(i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }

    /** P(X ≥ x) for X ~ Binomial(n, p). */
    static double binomialAtLeast(long x, long n, double p) {
        if (x <= 0) {
            return 1;
        }
        if (x > n) {
            return 0;
        }
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double sum = 0;
        for (long i = x; i <= n; i++) {
            sum += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
        }
        return Math.min(1, sum);
    }

    static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /** ln(n!), exactly summed for small n, by Stirling's series beyond. */
    static double logFactorial(long n) {
        if (n < 2) {
            return 0;
        }
        if (n < 256) {
            double sum = 0;
            for (long i = 2; i <= n; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /**
     * The verdict on one physician.
     *
     * @param expectedKept kept referrals the baseline predicts for the recent window
     * @param keptP        chance of as few kept referrals as seen, if nothing changed; NaN when the test does not
     *                     apply (too little volume)
     * @param baselineOut  share sent out of network in the baseline
     * @param recentOut    share sent out of network in the recent window
     * @param outP         chance of as many leaving as seen, if nothing changed; NaN when the test does not apply
     */
    record Verdict(double expectedKept, long recentKept, double keptP, double baselineOut, double recentOut,
                   double outP, boolean keptFell, boolean shareRose) {

        boolean drifting() {
            return keptFell || shareRose;
        }
    }

    /**
     * Applies both tests.
     *
     * @param baselineKept  kept referrals over the baseline months
     * @param baselineTotal all referrals over the baseline months
     * @param recentKept    kept referrals over the recent months
     * @param recentTotal   all referrals over the recent months
     */
    static Verdict judge(long baselineKept, long baselineTotal, long recentKept, long recentTotal,
                         AlertProperties.Drift settings) {
        double expected = (double) baselineKept / settings.baselineMonths() * settings.recentMonths();
        double keptP = Double.NaN;
        boolean keptFell = false;
        if (expected >= settings.minExpected()) {
            keptP = poissonAtMost(recentKept, expected);
            keptFell = recentKept <= expected * (1 - settings.minDrop()) && keptP < settings.alpha();
        }
        double baselineOut = baselineTotal == 0 ? 0 : (double) (baselineTotal - baselineKept) / baselineTotal;
        double recentOut = recentTotal == 0 ? 0 : (double) (recentTotal - recentKept) / recentTotal;
        double outP = Double.NaN;
        boolean shareRose = false;
        if (recentTotal >= settings.minReferrals() && baselineTotal > 0) {
            outP = binomialAtLeast(recentTotal - recentKept, recentTotal, baselineOut);
            shareRose = recentOut >= baselineOut + settings.minShareRise() && outP < settings.alpha();
        }
        return new Verdict(expected, recentKept, keptP, baselineOut, recentOut, outP, keptFell, shareRose);
    }
}
