package org.liaisonprm.base;

/** The {@code type} of a facility (docs/graph-model.md). */
public enum FacilityType implements Labelled {
    HOSPITAL("Hospital"),
    ASC("Ambulatory surgery center"),
    IMAGING("Imaging center"),
    CLINIC("Clinic"),
    SNF("Skilled nursing facility"),
    URGENT_CARE("Urgent care"),
    OTHER("Other facility");

    private final String label;

    FacilityType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * A provider's detail in words: a facility type code by its label; anything else (a specialty, the word
     * Practice) as it is.
     */
    public static String detailOf(String detail) {
        return detail == null ? null : Vocabulary.label("facility-type", detail).orElse(detail);
    }
}
