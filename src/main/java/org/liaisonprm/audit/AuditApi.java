package org.liaisonprm.audit;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for administrators: {@code GET /api/audit?from=&to=&user=&type=}, newest first.
 */
@RestController
@Tag(name = "Audit", description = "Who did what and when (administrators)")
class AuditApi {

    private static final int MAX_EVENTS = 10_000;

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audit events, newest first: from and to are dates (to exclusive), user a user name, "
            + "type one of LOGIN, LOGIN_FAILED, REPORT_RUN, QUERY_RUN, EXPORT, …; at most 10,000")
    List<AuditEvent> events(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String user,
                            @RequestParam(required = false) AuditType type,
                            @RequestParam(defaultValue = "1000") int limit) {
        return audit.find(new AuditTrail.Filter(from, to, user, type), Math.max(1, Math.min(limit, MAX_EVENTS)));
    }
}
