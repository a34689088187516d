package org.liaisonprm.outreach;

/** Where a task stands. */
public enum TaskStatus {
    OPEN("Open"),
    WAITING("Waiting"),
    DONE("Done");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
