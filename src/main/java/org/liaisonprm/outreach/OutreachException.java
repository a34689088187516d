package org.liaisonprm.outreach;

/**
 * Input the outreach services refuse, naming the field and why; nothing was written.
 */
public class OutreachException extends RuntimeException {

    private final String field;

    public OutreachException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The refused field, as the API and forms name it. */
    public String field() {
        return field;
    }
}
