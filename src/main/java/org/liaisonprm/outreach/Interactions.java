package org.liaisonprm.outreach;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
 * Logging, changing and listing interactions. A liaison lists and changes only their own; administrators
 * and managers list the team's, and only the author or an administrator changes one. Every create and
 * change leaves one {@code INTERACTION_CHANGED} audit event. A face-to-face interaction logged with a physician
 * or practice in its liaison's plan for that week ticks the stop.
 */
@Service
public class Interactions {

    static final int MAX_NOTES = 4_000;
    static final int MAX_OUTCOME = 500;

    private static final Cypher TARGET = Cypher.load("outreach/interaction-target");
    private static final Cypher LOG = Cypher.load("outreach/log-interaction");
    private static final Cypher UPDATE = Cypher.load("outreach/update-interaction");
    private static final Cypher ONE = Cypher.load("outreach/interaction");
    private static final Cypher FIND = Cypher.load("outreach/find-interactions");
    private static final Cypher FOLLOW_UPS_DUE = Cypher.load("outreach/follow-ups-due");
    private static final Cypher LAST_CONTACT = Cypher.load("outreach/last-contact");
    private static final Cypher TICK_STOP = Cypher.load("outreach/tick-planned-stop");

    private final Graph graph;
    private final AuditTrail audit;
    private final Clock clock;

    @Autowired
    Interactions(Graph graph, AuditTrail audit) {
        this(graph, audit, Clock.systemDefaultZone());
    }

    Interactions(Graph graph, AuditTrail audit, Clock clock) {
        this.graph = graph;
        this.audit = audit;
        this.clock = clock;
    }

    /** Filters for {@link #find}; every field may be null. {@code to} is exclusive. */
    public record Filter(InteractionType type, Reached reached, String username, LocalDate from, LocalDate to,
                         String territoryId, String targetId) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null, null);
    }

    /**
     * Logs an interaction for the user.
     *
     * @throws OutreachException naming the refused field; nothing is saved
     */
    public Interaction log(InteractionDraft draft, CurrentUser user) {
        if (!user.doesOutreach()) {
            throw new AccessDeniedException("Only liaisons, managers and administrators log interactions");
        }
        check(draft);
        String id = UUID.randomUUID().toString();
        var values = values(draft);
        values.put("id", id);
        String name = graph.write(tx -> {
            var target = tx.first(TARGET, Map.of("id", draft.targetId()), r -> r.get("x").get("name").asString(draft.targetId()));
            if (target.isEmpty()) {
                throw new OutreachException("physicianId", "There is no physician or practice with id '" + draft.targetId() + "'");
            }
            tx.run(LOG, Map.of("username", user.username(), "targetId", draft.targetId(), "values", values));
            if (draft.type().faceToFace()) {
                tx.run(TICK_STOP, Map.of("username", user.username(), "targetId", draft.targetId(), "interactionId", id,
                        "week", draft.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
            }
            return target.get();
        });
        audit.record(AuditType.INTERACTION_CHANGED, user.username(), id, "logged " + said(draft, name), null, null);
        return find(id).orElseThrow();
    }

    /**
     * Changes an interaction; only its author or an administrator may.
     *
     * @throws AccessDeniedException when the user may not change it
     * @throws OutreachException     naming the refused field; nothing is saved
     */
    public Interaction update(String id, InteractionDraft draft, CurrentUser user) {
        Interaction existing = find(id).orElseThrow(() -> new OutreachException("id", "There is no interaction '" + id + "'"));
        if (!mayChange(existing, user)) {
            throw new AccessDeniedException("Only the liaison who logged an interaction (or an administrator) changes it");
        }
        if (draft.targetId() != null && !draft.targetId().equals(existing.targetId())) {
            throw new OutreachException("physicianId", "An interaction stays with the physician it was logged for");
        }
        var checked = new InteractionDraft(existing.targetId(), draft.type(), draft.date(), draft.reached(),
                draft.durationMinutes(), draft.notes(), draft.outcome(), draft.followUpDate());
        check(checked);
        var values = values(checked);
        values.put("updatedBy", user.username());
        graph.write(UPDATE, Map.of("id", id, "values", values));
        audit.record(AuditType.INTERACTION_CHANGED, user.username(), id,
                "changed to " + said(checked, existing.targetName()), null, null);
        return find(id).orElseThrow();
    }

    /** An interaction in words for the audit trail: "a drop-off with Ann Lee (1234567893) on 2026-03-02, reached office staff". */
    private static String said(InteractionDraft draft, String name) {
        String type = draft.type().label().toLowerCase(java.util.Locale.ROOT);
        String article = "aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ";
        return article + type + " with " + (name == null ? draft.targetId() : name + " (" + draft.targetId() + ")")
                + " on " + draft.date() + ", reached " + draft.reached().label().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the user may change the interaction: its author, or an administrator. */
    public static boolean mayChange(Interaction interaction, CurrentUser user) {
        return user.isAdmin()
                || (user.username() != null && user.username().equals(interaction.username()));
    }

    public Optional<Interaction> find(String id) {
        return graph.read(ONE, Map.of("id", id), Interactions::interaction).stream().findFirst();
    }

    /** The interactions the user may see, newest first: a liaison's own; the team's for managers. */
    public List<Interaction> find(Filter filter, CurrentUser user, int limit) {
        var p = new HashMap<String, Object>();
        p.put("type", filter.type() == null ? null : filter.type().name());
        p.put("reached", filter.reached() == null ? null : filter.reached().name());
        p.put("username", user.seesTeam() ? blankToNull(filter.username()) : user.username());
        p.put("from", filter.from());
        p.put("to", filter.to());
        p.put("territoryId", blankToNull(filter.territoryId()));
        p.put("targetId", blankToNull(filter.targetId()));
        p.put("limit", limit);
        return graph.read(FIND, p, Interactions::interaction);
    }

    /**
     * The user's follow-ups due by {@code horizon} (inclusive): their interactions with a follow-up date up
     * to then, unless a later interaction with the same physician or practice has happened since.
     */
    public List<Interaction> followUpsDue(CurrentUser user, LocalDate horizon) {
        return graph.read(FOLLOW_UPS_DUE, Map.of("username", user.username() == null ? "" : user.username(), "horizon", horizon),
                Interactions::interaction);
    }

    /** The latest contact with a physician or practice by anyone: when, by whom and how (no notes). */
    public record LastContact(LocalDate date, String username, String name, InteractionType type, Reached reached) {
        @Override
        public String toString() {
            return date + " · " + type.label() + " by " + name + " (reached " + reached.label().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    public Optional<LastContact> lastContact(String targetId) {
        return graph.read(LAST_CONTACT, Map.of("id", targetId), r -> new LastContact(r.get("date").asLocalDate(),
                r.get("username").asString(), r.get("name").asString(), InteractionType.valueOf(r.get("type").asString()),
                Reached.valueOf(r.get("reached").asString()))).stream().findFirst();
    }

    private void check(InteractionDraft draft) {
        if (draft.targetId() == null || draft.targetId().isBlank()) {
            throw new OutreachException("physicianId", "Say which physician or practice the interaction was with");
        }
        if (draft.type() == null) {
            throw new OutreachException("type", "Choose the type of interaction");
        }
        if (draft.reached() == null) {
            throw new OutreachException("reached", "Say whom the interaction reached");
        }
        if (draft.date() == null) {
            throw new OutreachException("date", "An interaction needs a date");
        }
        LocalDate today = LocalDate.now(clock);
        if (draft.date().isAfter(today)) {
            throw new OutreachException("date", "An interaction cannot be dated in the future (" + draft.date()
                    + "); plan it as a visit or set a follow-up date instead");
        }
        if (draft.date().isBefore(today.minusYears(5))) {
            throw new OutreachException("date", "An interaction dated " + draft.date() + " is more than five years old");
        }
        if (draft.followUpDate() != null && draft.followUpDate().isBefore(draft.date())) {
            throw new OutreachException("followUpDate", "A follow-up cannot come before the interaction");
        }
        if (draft.durationMinutes() != null && (draft.durationMinutes() < 0 || draft.durationMinutes() > 24 * 60)) {
            throw new OutreachException("durationMinutes", "A duration is between 0 and 1440 minutes");
        }
        if (draft.notes() != null && draft.notes().length() > MAX_NOTES) {
            throw new OutreachException("notes", "Notes have at most " + MAX_NOTES + " characters");
        }
        if (draft.outcome() != null && draft.outcome().length() > MAX_OUTCOME) {
            throw new OutreachException("outcome", "An outcome has at most " + MAX_OUTCOME + " characters");
        }
    }

    private static Map<String, Object> values(InteractionDraft draft) {
        var values = new HashMap<String, Object>();
        values.put("type", draft.type().name());
        values.put("date", draft.date());
        values.put("reached", draft.reached().name());
        values.put("durationMinutes", draft.durationMinutes());
        values.put("notes", blankToNull(draft.notes()));
        values.put("outcome", blankToNull(draft.outcome()));
        values.put("followUpDate", draft.followUpDate());
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Interaction interaction(Record r) {
        var i = r.get("i");
        return new Interaction(i.get("id").asString(), InteractionType.valueOf(i.get("type").asString()),
                i.get("date").asLocalDate(), Reached.valueOf(i.get("reached").asString()),
                i.get("durationMinutes").isNull() ? null : i.get("durationMinutes").asInt(),
                i.get("notes").asString(null), i.get("outcome").asString(null),
                i.get("followUpDate").isNull() ? null : i.get("followUpDate").asLocalDate(),
                r.get("username").asString(), r.get("userName").asString(r.get("username").asString()),
                r.get("targetId").asString(), r.get("targetName").asString(null),
                r.get("targetKind").asString(), i.get("loggedAt").isNull() ? null : i.get("loggedAt").asZonedDateTime());
    }
}
