package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/** Whom an interaction reached: the physician, only the office staff, or nobody. */
public enum Reached implements Labelled {
    PHYSICIAN("Physician"),
    OFFICE_STAFF("Office staff"),
    NONE("Nobody");

    private final String label;

    Reached(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
