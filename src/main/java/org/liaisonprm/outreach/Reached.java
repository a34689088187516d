package org.liaisonprm.outreach;

/** Whom an interaction reached: the physician, only the office staff, or nobody. */
public enum Reached {
    PHYSICIAN("Physician"),
    OFFICE_STAFF("Office staff"),
    NONE("Nobody");

    private final String label;

    Reached(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
