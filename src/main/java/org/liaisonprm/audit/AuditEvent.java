package org.liaisonprm.audit;

import java.time.ZonedDateTime;

/**
 * One line of the audit trail.
 *
 * @param username   who acted; for a failed login the name that was tried
 * @param address    the client address of the request, when there was one
 * @param target     what was acted on: a report id, a user name, a file
 * @param detail     parameters as JSON, the Cypher text, what changed
 * @param rows       rows returned or exported, where that applies
 * @param durationMs how long it took, where that applies
 */
public record AuditEvent(String id, ZonedDateTime at, AuditType type, String username, String address, String target,
                         String detail, Long rows, Long durationMs) {
}
