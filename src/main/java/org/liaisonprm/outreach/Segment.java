package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/**
 * A physician's loyalty segment from their kept share (the {@code loyalty-segments} report's rule):
 * LOYALIST at or above the loyalist share, OPPORTUNITY below the opportunity share, SPLITTER between; NONE
 * with too few referrals to tell.
 */
public enum Segment implements Labelled {
    OPPORTUNITY("Opportunity", "Sends most referrals outside the network", 1.0),
    SPLITTER("Splitter", "Splits referrals between the network and competitors", 0.6),
    LOYALIST("Loyalist", "Keeps nearly all referrals in the network", 0.1),
    NONE("Too few referrals", "Too few referrals to tell", 0.0);

    private final String label;
    private final String description;
    private final double value;

    Segment(String label, String description, double value) {
        this.label = label;
        this.description = description;
        this.value = value;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
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
