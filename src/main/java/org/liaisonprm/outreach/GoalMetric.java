package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/** What a goal measures (docs/outreach.md, "Goals"). */
public enum GoalMetric implements Labelled {
    KEPT_REFERRALS("Kept referrals", true),
    LEAKAGE_RATE("Leakage rate", false),
    INTERACTIONS_LOGGED("Interactions logged", true),
    PHYSICIANS_REACHED("Physicians reached", true);

    private final String label;
    private final boolean higherIsBetter;

    GoalMetric(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    @Override
    public String label() {
        return label;
    }

    /** False for the leakage rate: its goal is a ceiling. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
