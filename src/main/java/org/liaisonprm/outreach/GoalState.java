package org.liaisonprm.outreach;

import org.liaisonprm.base.Labelled;

/** Where a goal stands on a day (docs/outreach.md, "Goals"). */
public enum GoalState implements Labelled {
    NOT_STARTED("Not started", "The goal's period has not begun"),
    ON_TRACK("On track", "At or ahead of the pace the target needs by today"),
    BEHIND("Behind", "Short of the pace the target needs by today"),
    MET("Met", "The target is reached"),
    MISSED("Missed", "The period ended short of the target");

    private final String label;
    private final String description;

    GoalState(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    /** The CSS class of the state's colour: {@code goal-state-on-track} and so on. */
    public String cssClass() {
        return "goal-state-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
