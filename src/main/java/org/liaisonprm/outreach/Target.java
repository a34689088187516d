package org.liaisonprm.outreach;

import java.time.LocalDate;

/**
 * A physician ranked as an outreach target, with the parts of their score.
 *
 * @param leakedRevenue      leaked referrals × revenue per case of their service lines, in the window
 * @param influence          influence percentile, 0 to 1
 * @param daysSinceContact   days since the last interaction; null when never contacted
 * @param score              the opportunity score, 0 to 100
 * @param leakagePoints      the leakage part of the score (points out of 100), and so on
 * @param explanation        the score in words
 */
public record Target(String physicianId, String name, String specialty, String practice, String city, String zip,
                     String network, long referrals, long kept, long leaked, double leakedRevenue, Segment segment,
                     double influence, LocalDate lastContact, Integer daysSinceContact, double score,
                     double leakagePoints, double influencePoints, double segmentPoints, double recencyPoints,
                     String explanation) {

    /** Share of referrals kept in network, or null without referrals. */
    public Double keptShare() {
        return referrals == 0 ? null : (double) kept / referrals;
    }
}
