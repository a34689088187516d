package org.liaisonprm.outreach;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outreach features (docs/outreach.md).
 *
 * @param score        the weights of the opportunity score and the window it looks at
 * @param plan         how a week's visits are laid out in time
 * @param roiWindow    days before and after a first interaction that the ROI look-back compares
 * @param tileUrl      an optional map tile server ({@code https://.../{z}/{x}/{y}.png}); empty = the packaged
 *                     state and county outlines only, which need no network
 */
@ConfigurationProperties("liaison.outreach")
public record OutreachProperties(
        @DefaultValue Score score,
        @DefaultValue Plan plan,
        @DefaultValue("90") int roiWindow,
        String tileUrl) {

    /**
     * @param leakage           weight of the leaked revenue (leaked referrals × revenue per case)
     * @param influence         weight of the influence percentile (reversed PageRank)
     * @param segment           weight of the loyalty segment
     * @param recency           weight of the days since the last interaction
     * @param windowMonths      months of referrals, up to the latest month held, that the score reads
     * @param recencyDays       days without an interaction after which the recency part is full
     * @param minReferrals      fewer referrals than this in the window leave a physician without a segment
     * @param loyalistShare     kept share from which a physician is a LOYALIST
     * @param opportunityShare  kept share below which a physician is an OPPORTUNITY (SPLITTER between)
     */
    public record Score(
            @DefaultValue("0.40") double leakage,
            @DefaultValue("0.25") double influence,
            @DefaultValue("0.20") double segment,
            @DefaultValue("0.15") double recency,
            @DefaultValue("12") int windowMonths,
            @DefaultValue("90") int recencyDays,
            @DefaultValue("10") int minReferrals,
            @DefaultValue("0.7") double loyalistShare,
            @DefaultValue("0.3") double opportunityShare) {

        double totalWeight() {
            return leakage + influence + segment + recency;
        }
    }

    /**
     * @param stopsPerDay  visits planned per weekday before the next day starts
     * @param firstVisit   time of the first visit of a day
     * @param spacing      minutes from one planned visit to the next
     * @param visitMinutes length of a visit in the calendar export
     */
    public record Plan(
            @DefaultValue("4") int stopsPerDay,
            @DefaultValue("09:00") LocalTime firstVisit,
            @DefaultValue("90") int spacing,
            @DefaultValue("45") int visitMinutes) {
    }
}
