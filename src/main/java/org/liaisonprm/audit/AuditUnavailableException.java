package org.liaisonprm.audit;

/**
 * The audit trail could not record an action, so the action is not carried out (or its result not returned).
 */
public class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(AuditType type, Throwable cause) {
        super("The audit trail could not record " + type + "; the action was not completed", cause);
    }
}
