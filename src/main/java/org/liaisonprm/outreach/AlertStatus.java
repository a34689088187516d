package org.liaisonprm.outreach;

/** Where an alert stands: open until someone dismisses it or turns it into a task. */
public enum AlertStatus {
    OPEN("Open"),
    DISMISSED("Dismissed"),
    TASK("Task created");

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
