package org.liaisonprm.base;

/**
 * Where a provider stands towards the home health system: the {@code network} property of physicians,
 * practices and facilities (docs/graph-model.md).
 */
public enum Network implements Labelled {
    IN("In network", "Owned by the home health system"),
    AFFILIATED("Affiliated", "Affiliated with the home health system without being owned by it"),
    OUT("Out of network", "Neither owned by nor affiliated with the home health system");

    private final String label;
    private final String description;

    Network(String label, String description) {
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

    /** "In network", "Affiliated" or "Out of network" for a {@code network} code; any other value as it is. */
    public static String labelOf(String code) {
        return Vocabulary.label("network", code).orElse(code == null ? "" : code);
    }
}
