package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liaisonprm.base.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts, tasks and the digest as JSON, scoped like the UI (docs/security.md): a liaison's alerts are those of
 * their territories and their own follow-ups, their tasks their own; managers and administrators see the team's.
 * Sending the digest now is for administrators.
 */
@RestController
@Tag(name = "Alerts and tasks", description = "Early warnings, follow-up tasks and the weekly digest")
class FollowUpApi {

    private final Alerts alerts;
    private final Tasks tasks;
    private final Digests digests;
    private final SecurityContextHolderStrategy security;

    FollowUpApi(Alerts alerts, Tasks tasks, Digests digests, ObjectProvider<SecurityContextHolderStrategy> security) {
        this.alerts = alerts;
        this.tasks = tasks;
        this.digests = digests;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    private CurrentUser caller() {
        return CurrentUser.of(security.getContext().getAuthentication());
    }

    /** What a client sends to create or change a task. */
    record TaskJson(String physicianId, String title, String due, String notes, String status) {
    }

    /** Why an alert is dismissed. */
    record DismissJson(String reason) {
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Alerts the caller may see, newest first: a liaison's territories and own follow-ups, "
            + "all for managers and administrators; status (OPEN, DISMISSED, TASK; default OPEN, or ALL), kind, "
            + "physicianId filter")
    List<Alert> alerts(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String physicianId, @RequestParam(defaultValue = "500") int limit) {
        AlertStatus wanted = status.isBlank() || status.equalsIgnoreCase("ALL") ? null
                : ApiValues.enumValue(AlertStatus.class, "status", status);
        AlertKind kindWanted = kind == null || kind.isBlank() ? null : ApiValues.enumValue(AlertKind.class, "kind", kind);
        return alerts.find(new Alerts.Filter(wanted, kindWanted, physicianId), caller(), Math.max(1, Math.min(limit, 5_000)));
    }

    @PostMapping("/api/alerts/{id}/dismiss")
    @Operation(summary = "Dismisses an open alert: {reason}; 400 without a reason, 404 for an alert the caller may not see")
    Alert dismiss(@PathVariable String id, @RequestBody(required = false) DismissJson body) {
        return alerts.dismiss(id, body == null ? null : body.reason(), caller());
    }

    @PostMapping("/api/alerts/{id}/task")
    @Operation(summary = "Turns an open alert into a task owned by the caller: optional {title, due, notes}; 201 with the task")
    ResponseEntity<Task> toTask(@PathVariable String id, @RequestBody(required = false) TaskJson body) {
        var draft = body == null ? null : new TaskDraft(null, body.title(), ApiValues.date("due", body.due()), body.notes(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(alerts.toTask(id, draft, caller()));
    }

    @GetMapping("/api/tasks")
    @Operation(summary = "Tasks: a liaison's own, the team's for managers; status (OPEN, WAITING, DONE), user, "
            + "physicianId, overdue=true filter")
    List<Task> tasks(@RequestParam(required = false) String status, @RequestParam(required = false) String user,
                     @RequestParam(required = false) String physicianId, @RequestParam(defaultValue = "false") boolean overdue,
                     @RequestParam(defaultValue = "500") int limit) {
        var filter = new Tasks.Filter(status == null || status.isBlank() ? null : ApiValues.enumValue(TaskStatus.class, "status", status),
                user, physicianId, overdue);
        return tasks.find(filter, caller(), Math.max(1, Math.min(limit, 10_000)));
    }

    @PostMapping("/api/tasks")
    @Operation(summary = "Creates a task owned by the caller: {physicianId, title, due (YYYY-MM-DD), notes, status}; "
            + "201 with the task, 400 naming the refused field")
    ResponseEntity<Task> create(@RequestBody(required = false) TaskJson body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tasks.create(draft(body), null, caller()));
    }

    @PutMapping("/api/tasks/{id}")
    @Operation(summary = "Changes a task (fields left out stay); only its owner or an administrator may (403 otherwise)")
    Task change(@PathVariable String id, @RequestBody(required = false) TaskJson body) {
        var user = caller();
        if (tasks.find(id, user).isEmpty()) {
            throw new NoSuchElementException("There is no task '" + id + "' you may see");
        }
        return tasks.update(id, draft(body), user);
    }

    @PostMapping("/api/digests")
    @Operation(summary = "Sends the weekly digest now to everyone who receives it (administrators); 409 while no mail "
            + "server is set up")
    Map<String, Object> send() {
        var sent = digests.sendAll(caller().username());
        return Map.of("sent", sent.sent(), "failed", sent.failed());
    }

    private static TaskDraft draft(TaskJson body) {
        if (body == null) {
            throw new OutreachException("body", "Send the task as JSON: {physicianId, title, due, notes}");
        }
        return new TaskDraft(body.physicianId(), body.title(), ApiValues.date("due", body.due()), body.notes(),
                body.status() == null || body.status().isBlank() ? null : ApiValues.enumValue(TaskStatus.class, "status", body.status()));
    }

}
