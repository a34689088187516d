package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/** Where an alert stands: open until someone dismisses it or turns it into a task. */
public enum AlertStatus implements Labelled {
    OPEN("Open"),
    DISMISSED("Dismissed"),
    TASK("Task created");

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
