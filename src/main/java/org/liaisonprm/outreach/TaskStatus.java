package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/** Where a task stands. */
public enum TaskStatus implements Labelled {
    OPEN("Open"),
    WAITING("Waiting"),
    DONE("Done");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
