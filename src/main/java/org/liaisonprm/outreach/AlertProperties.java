package org.liaisonprm.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the alerts (docs/outreach.md, "Alerts") and when they are computed.
 *
 * @param schedule   cron expression of the nightly computation (they are also computed after every import)
 * @param drift      drifting referrers
 * @param atRisk     referrers whose in-network receiver left the network
 * @param newcomers  physicians new in a territory
 * @param followUps  overdue follow-ups
 * @param untouched  high-scoring targets nobody has contacted
 */
@ConfigurationProperties("liaison.alerts")
public record AlertProperties(
        @DefaultValue("0 30 2 * * *") String schedule,
        @DefaultValue Drift drift,
        @DefaultValue AtRisk atRisk,
        @DefaultValue Newcomers newcomers,
        @DefaultValue FollowUps followUps,
        @DefaultValue Untouched untouched) {

    /**
     * @param recentMonths   the recent window, up to the latest month of referral data
     * @param baselineMonths the physician's own baseline: the months before the recent window
     * @param alpha          significance level of the one-sided tests
     * @param minExpected    kept referrals the baseline must predict for the recent window before the count test
     *                       applies
     * @param minDrop        the least fall of kept referrals against that prediction (0.25 = a quarter)
     * @param minReferrals   referrals the recent window must hold before the share test applies
     * @param minShareRise   the least rise of the share sent out of network (0.15 = 15 percentage points)
     */
    public record Drift(
            @DefaultValue("3") int recentMonths,
            @DefaultValue("12") int baselineMonths,
            @DefaultValue("0.01") double alpha,
            @DefaultValue("15") double minExpected,
            @DefaultValue("0.25") double minDrop,
            @DefaultValue("15") int minReferrals,
            @DefaultValue("0.15") double minShareRise) {
    }

    /**
     * @param days          how long after a physician left the network the alert is raised
     * @param lookbackMonths the months of referrals to that physician that are at risk
     */
    public record AtRisk(
            @DefaultValue("90") int days,
            @DefaultValue("12") int lookbackMonths) {
    }

    /**
     * @param months     first seen in the referral data within this many months of its latest month
     * @param limit      at most this many per computation, best ranked first
     */
    public record Newcomers(
            @DefaultValue("3") int months,
            @DefaultValue("50") int limit) {
    }

    /** @param graceDays days past its date before a follow-up is overdue */
    public record FollowUps(@DefaultValue("0") int graceDays) {
    }

    /**
     * @param perTerritory the best targets of each territory that are looked at
     * @param minScore     the least opportunity score
     * @param days         no interaction for this many days (or never)
     */
    public record Untouched(
            @DefaultValue("5") int perTerritory,
            @DefaultValue("50") double minScore,
            @DefaultValue("90") int days) {
    }
}
