package org.liaisonprm.base;

/**
 * A value people see: an enum constant with the words shown for it in views, charts, tooltips, CSV headers
 * and the audit trail ({@link Vocabulary}). The constant's name stays the machine name used in the graph
 * and the API.
 */
public interface Labelled {

    /** The words shown for the value, e.g. "Lunch and learn" for {@code LUNCH_AND_LEARN}. */
    String label();

    /** A sentence that explains the value where a label alone is not enough, or null. */
    default String description() {
        return null;
    }
}
