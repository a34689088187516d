package org.liaisonprm.physician;

import org.liaisonprm.base.Labelled;

/**
 * The service lines referrals are counted by. The graph stores {@link #label()}.
 */
public enum ServiceLine implements Labelled {
    PRIMARY_CARE("Primary Care"),
    ORTHOPEDICS("Orthopedics"),
    CARDIOLOGY("Cardiology"),
    ONCOLOGY("Oncology"),
    NEUROSCIENCES("Neurosciences"),
    GENERAL_SURGERY("General Surgery"),
    WOMENS_HEALTH("Women's Health"),
    IMAGING("Imaging"),
    GASTROENTEROLOGY("Gastroenterology"),
    UROLOGY("Urology"),
    BEHAVIORAL_HEALTH("Behavioral Health");

    private final String label;

    ServiceLine(String label) {
        this.label = label;
    }

    /** The name shown to people and stored in {@code serviceLine} properties. */
    @Override
    public String label() {
        return label;
    }
}
