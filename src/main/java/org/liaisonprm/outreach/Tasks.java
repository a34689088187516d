package org.liaisonprm.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Tasks, scoped as interactions are: a liaison lists and changes their own; administrators and managers list
 * the team's; only the owner or an administrator changes one. Every create and change leaves one
 * {@code TASK_CHANGED} audit event.
 */
@Service
public class Tasks {

    static final int MAX_TITLE = 200;
    static final int MAX_NOTES = 4_000;

    private static final Cypher TARGET = Cypher.load("outreach/interaction-target");
    private static final Cypher CREATE = Cypher.load("outreach/create-task");
    private static final Cypher UPDATE = Cypher.load("outreach/update-task");
    private static final Cypher ONE = Cypher.load("outreach/task");
    private static final Cypher FIND = Cypher.load("outreach/find-tasks");
    private static final Cypher COUNTS = Cypher.load("outreach/task-counts");

    private final Graph graph;
    private final AuditTrail audit;
    private final Clock clock;

    @Autowired
    Tasks(Graph graph, AuditTrail audit) {
        this(graph, audit, Clock.systemDefaultZone());
    }

    Tasks(Graph graph, AuditTrail audit, Clock clock) {
        this.graph = graph;
        this.audit = audit;
        this.clock = clock;
    }

    /** Filters for {@link #find}; every field may be null. */
    public record Filter(TaskStatus status, String username, String targetId, boolean overdueOnly) {
        public static final Filter ALL = new Filter(null, null, null, false);
    }

    /** One liaison's tasks at a glance, for the team view. */
    public record Counts(String username, String name, long open, long waiting, long overdue, long doneThisWeek) {
    }

    /**
     * Creates a task owned by the user.
     *
     * @param alertId the alert it is made from, or null
     * @throws OutreachException naming the refused field; nothing is saved
     */
    public Task create(TaskDraft draft, String alertId, CurrentUser user) {
        if (!user.doesOutreach()) {
            throw new AccessDeniedException("Only liaisons, managers and administrators keep tasks");
        }
        if (draft.physicianId() == null || draft.physicianId().isBlank()) {
            throw new OutreachException("physicianId", "Say which physician or practice the task is about");
        }
        var checked = new TaskDraft(draft.physicianId().strip(), draft.title(), draft.due(), draft.notes(),
                draft.status() == null ? TaskStatus.OPEN : draft.status());
        check(checked);
        String id = UUID.randomUUID().toString();
        var values = values(checked);
        values.put("id", id);
        values.put("alertId", alertId);
        values.put("createdBy", user.username());
        graph.write(tx -> {
            if (tx.first(TARGET, Map.of("id", checked.physicianId()), r -> true).isEmpty()) {
                throw new OutreachException("physicianId", "There is no physician or practice with id '" + checked.physicianId() + "'");
            }
            tx.run(CREATE, Map.of("username", user.username(), "targetId", checked.physicianId(), "values", values));
            return null;
        });
        audit.record(AuditType.TASK_CHANGED, user.username(), id, "created: \u201c" + checked.title().strip()
                + "\u201d about " + checked.physicianId() + (checked.due() == null ? "" : ", due " + checked.due()), null, null);
        return find(id).orElseThrow();
    }

    /**
     * Changes a task; only its owner or an administrator may.
     *
     * @throws AccessDeniedException when the user may not change it
     * @throws OutreachException     naming the refused field; nothing is saved
     */
    public Task update(String id, TaskDraft draft, CurrentUser user) {
        Task existing = find(id, user).orElseThrow(() -> new OutreachException("id", "There is no task '" + id + "' you may see"));
        if (!mayChange(existing, user)) {
            throw new AccessDeniedException("Only the liaison who owns a task (or an administrator) changes it");
        }
        if (draft.physicianId() != null && !draft.physicianId().isBlank() && !draft.physicianId().equals(existing.physicianId())) {
            throw new OutreachException("physicianId", "A task stays with the physician or practice it is about");
        }
        var merged = new TaskDraft(existing.physicianId(),
                draft.title() != null ? draft.title() : existing.title(),
                draft.due() != null ? draft.due() : existing.due(),
                draft.notes() != null ? draft.notes() : existing.notes(),
                draft.status() != null ? draft.status() : existing.status());
        check(merged);
        var values = values(merged);
        values.put("updatedBy", user.username());
        graph.write(UPDATE, Map.of("id", id, "values", values));
        var changes = new StringBuilder();
        if (merged.status() != existing.status()) {
            changes.append(" status ").append(existing.status().label()).append(" \u2192 ").append(merged.status().label()).append(';');
        }
        if (!java.util.Objects.equals(merged.due(), existing.due())) {
            changes.append(" due ").append(merged.due()).append(';');
        }
        if (!merged.title().strip().equals(existing.title())) {
            changes.append(" title;");
        }
        if (!java.util.Objects.equals(blankToNull(merged.notes()), existing.notes())) {
            changes.append(" notes;");
        }
        audit.record(AuditType.TASK_CHANGED, user.username(), id,
                "changed:" + (changes.isEmpty() ? " nothing" : changes.toString()), null, null);
        return find(id).orElseThrow();
    }

    /** True when the user may change the task: its owner, or an administrator. */
    public static boolean mayChange(Task task, CurrentUser user) {
        return user.isAdmin() || user.is(task.owner());
    }

    /** A task by id, whoever owns it; callers check who may see it. */
    Optional<Task> find(String id) {
        return graph.read(ONE, Map.of("id", id), this::task).stream().findFirst();
    }

    /** A task by id if the user may see it: their own, or any for the team view. */
    public Optional<Task> find(String id, CurrentUser user) {
        return find(id).filter(t -> user.seesTeam() || user.is(t.owner()));
    }

    /** The tasks the user may see: a liaison's own; the team's for managers and administrators. */
    public List<Task> find(Filter filter, CurrentUser user, int limit) {
        if (!user.doesOutreach()) {
            return List.of();
        }
        var p = new HashMap<String, Object>();
        p.put("username", user.seesTeam() ? blankToNull(filter.username()) : user.username());
        p.put("status", filter.status() == null ? null : filter.status().name());
        p.put("targetId", blankToNull(filter.targetId()));
        p.put("overdueBefore", filter.overdueOnly() ? today() : null);
        p.put("limit", limit);
        return graph.read(FIND, p, this::task);
    }

    /** Per liaison (and anyone owning tasks): open, waiting, overdue and done in the last 7 days. Team view only. */
    public List<Counts> counts(CurrentUser user) {
        if (!user.seesTeam()) {
            return List.of();
        }
        return graph.read(COUNTS, Map.of("today", today(), "doneSince", ZonedDateTime.now(clock).minusDays(7)),
                r -> new Counts(r.get("username").asString(), r.get("name").asString(), r.get("open").asLong(),
                        r.get("waiting").asLong(), r.get("overdue").asLong(), r.get("doneRecently").asLong()));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private void check(TaskDraft draft) {
        if (draft.title() == null || draft.title().isBlank()) {
            throw new OutreachException("title", "A task needs a title, e.g. \u201cCall back about the scheduling line\u201d");
        }
        if (draft.title().strip().length() > MAX_TITLE) {
            throw new OutreachException("title", "A title has at most " + MAX_TITLE + " characters");
        }
        if (draft.notes() != null && draft.notes().length() > MAX_NOTES) {
            throw new OutreachException("notes", "Notes have at most " + MAX_NOTES + " characters");
        }
        LocalDate today = today();
        if (draft.due() != null && (draft.due().isBefore(today.minusYears(1)) || draft.due().isAfter(today.plusYears(2)))) {
            throw new OutreachException("due", "A due date lies between a year ago and two years ahead, not " + draft.due());
        }
    }

    private static Map<String, Object> values(TaskDraft draft) {
        var values = new HashMap<String, Object>();
        values.put("title", draft.title().strip());
        values.put("notes", blankToNull(draft.notes()));
        values.put("due", draft.due());
        values.put("status", draft.status().name());
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Task task(Record r) {
        var t = r.get("task");
        ZonedDateTime created = t.get("createdAt").asZonedDateTime(null);
        ZonedDateTime closed = t.get("closedAt").asZonedDateTime(null);
        TaskStatus status = TaskStatus.valueOf(t.get("status").asString());
        LocalDate due = t.get("due").isNull() ? null : t.get("due").asLocalDate();
        LocalDate today = today();
        ZoneId zone = clock.getZone();
        LocalDate start = created == null ? today : created.withZoneSameInstant(zone).toLocalDate();
        LocalDate end = closed == null ? today : closed.withZoneSameInstant(zone).toLocalDate();
        return new Task(t.get("id").asString(), t.get("title").asString(), t.get("notes").asString(null), due, status,
                r.get("owner").asString(), r.get("ownerName").asString(), r.get("targetId").asString(),
                r.get("targetName").asString(null), r.get("targetKind").asString(), t.get("alertId").asString(null),
                created, t.get("createdBy").asString(null), closed, Math.max(0, ChronoUnit.DAYS.between(start, end)),
                status != TaskStatus.DONE && due != null && due.isBefore(today));
    }
}
