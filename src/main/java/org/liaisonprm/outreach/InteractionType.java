package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/** How a liaison was in touch with a physician or practice. */
public enum InteractionType implements Labelled {
    IN_PERSON_VISIT("In-person visit", true),
    PHONE_CALL("Phone call", false),
    LUNCH_AND_LEARN("Lunch and learn", true),
    EVENT("Event", true),
    EMAIL("Email", false),
    DROP_OFF("Drop-off", true);

    private final String label;
    private final boolean faceToFace;

    InteractionType(String label, boolean faceToFace) {
        this.label = label;
        this.faceToFace = faceToFace;
    }

    @Override
    public String label() {
        return label;
    }

    /** True for the kinds of contact made at the office, which a planned visit stands for. */
    public boolean faceToFace() {
        return faceToFace;
    }
}
