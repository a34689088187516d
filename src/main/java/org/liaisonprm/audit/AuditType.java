package org.liaisonprm.audit;

/**
 * What an audit event records (docs/security.md, "Audit trail").
 */
public enum AuditType {
    LOGIN,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    LOGOUT,
    REPORT_RUN,
    QUERY_RUN,
    EXPORT,
    REPORT_SAVED,
    REPORT_CHANGED,
    REPORT_DELETED,
    USER_CREATED,
    USER_CHANGED,
    PASSWORD_CHANGED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    IMPORT,
    INTERACTION_CHANGED,
    ALERT_CHANGED,
    TASK_CHANGED,
    DIGEST_SENT
}
