package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/** What an alert warns of (docs/outreach.md, "Alerts"). */
public enum AlertKind implements Labelled {
    DRIFTING_REFERRER("Drifting referrer", "Kept referrals fell, or the share sent to competitors rose, "
            + "beyond chance against the physician's own baseline"),
    NETWORK_AT_RISK("Network at risk", "A physician who received in-network referrals left the network: "
            + "the referrers who sent to them"),
    NEW_IN_MARKET("New in the market", "A physician first seen in the referral data of a territory"),
    OVERDUE_FOLLOW_UP("Overdue follow-up", "A follow-up date has passed with no interaction since"),
    TARGET_NOT_CONTACTED("Target not contacted", "A high-scoring target nobody has contacted lately");

    private final String label;
    private final String description;

    AlertKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }
}
