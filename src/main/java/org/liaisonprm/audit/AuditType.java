package org.liaisonprm.audit;

import org.liaisonprm.base.Labelled;

/**
 * What an audit event records (docs/security.md, "Audit trail").
 */
public enum AuditType implements Labelled {
    LOGIN("Signed in"),
    LOGIN_FAILED("Sign-in failed"),
    ACCOUNT_LOCKED("Account locked"),
    LOGOUT("Signed out"),
    REPORT_RUN("Report run"),
    QUERY_RUN("Cypher query run"),
    EXPORT("Export"),
    REPORT_SAVED("Report saved"),
    REPORT_CHANGED("Report changed"),
    REPORT_DELETED("Report deleted"),
    USER_CREATED("User created"),
    USER_CHANGED("User changed"),
    PASSWORD_CHANGED("Password changed"),
    TOKEN_CREATED("API token created"),
    TOKEN_REVOKED("API token revoked"),
    IMPORT("Import"),
    INTERACTION_CHANGED("Interaction logged or changed"),
    ALERT_CHANGED("Alert dismissed or turned into a task"),
    TASK_CHANGED("Task created or changed"),
    DIGEST_SENT("Digest sent");

    private final String label;

    AuditType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
