package org.liaisonprm.outreach;

/** How a liaison was in touch with a physician or practice. */
public enum InteractionType {
    IN_PERSON_VISIT("In-person visit"),
    PHONE_CALL("Phone call"),
    LUNCH_AND_LEARN("Lunch and learn"),
    EVENT("Event"),
    EMAIL("Email"),
    DROP_OFF("Drop-off");

    private final String label;

    InteractionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
