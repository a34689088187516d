package org.liaisonprm.outreach;

/**
 * A physician's loyalty segment from their kept share (the {@code loyalty-segments} report's rule):
 * LOYALIST at or above the loyalist share, OPPORTUNITY below the opportunity share, SPLITTER between; NONE
 * with too few referrals to tell.
 */
public enum Segment {
    OPPORTUNITY(1.0),
    SPLITTER(0.6),
    LOYALIST(0.1),
    NONE(0.0);

    private final double value;

    Segment(double value) {
        this.value = value;
    }

    /** This segment's part of the opportunity score, 0 to 1. */
    public double value() {
        return value;
    }

    static Segment of(long referrals, long kept, OutreachProperties.Score score) {
        if (referrals <= 0 || referrals < score.minReferrals()) {
            return NONE;
        }
        double share = (double) kept / referrals;
        if (share >= score.loyalistShare()) {
            return LOYALIST;
        }
        return share < score.opportunityShare() ? OPPORTUNITY : SPLITTER;
    }
}
