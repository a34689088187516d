package org.liaisonprm.base;

/** The {@code type} of a payer (docs/graph-model.md). */
public enum PayerType implements Labelled {
    COMMERCIAL("Commercial"),
    MEDICARE("Medicare"),
    MEDICAID("Medicaid"),
    SELF_PAY("Self-pay"),
    OTHER("Other payer");

    private final String label;

    PayerType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
