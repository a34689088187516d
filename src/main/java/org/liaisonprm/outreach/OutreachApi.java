package org.liaisonprm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liaisonprm.base.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * Outreach as JSON, scoped like the UI (docs/security.md): territories, their ranked targets, interactions
 * and visit plans. Administrators, managers and liaisons only.
 */
@RestController
@Tag(name = "Outreach", description = "Territories, targets, interactions and visit plans")
class OutreachApi {

    private final Territories territories;
    private final Targets targets;
    private final Interactions interactions;
    private final VisitPlans plans;
    private final OutreachProperties properties;
    private final SecurityContextHolderStrategy security;

    OutreachApi(Territories territories, Targets targets, Interactions interactions, VisitPlans plans,
                OutreachProperties properties, ObjectProvider<SecurityContextHolderStrategy> security) {
        this.territories = territories;
        this.targets = targets;
        this.interactions = interactions;
        this.plans = plans;
        this.properties = properties;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    private CurrentUser caller() {
        return CurrentUser.of(security.getContext().getAuthentication());
    }

    /** What a client sends to log or change an interaction; enum values by name. */
    record InteractionJson(String physicianId, String type, String date, String reached, Integer durationMinutes,
                           String notes, String outcome, String followUpDate) {
    }

    @GetMapping("/api/territories")
    @Operation(summary = "The territories the caller may see: all for administrators and managers, their own for a liaison")
    List<Territory> territories() {
        return territories.visibleTo(caller());
    }

    @GetMapping("/api/territories/{id}/targets")
    @Operation(summary = "A territory's physicians ranked by opportunity score, each with its parts and explanation; "
            + "serviceLine and segment (OPPORTUNITY, SPLITTER, LOYALIST, NONE) filter")
    List<Target> targets(@PathVariable String id, @RequestParam(required = false) String serviceLine,
                         @RequestParam(required = false) String segment, @RequestParam(defaultValue = "100") int limit) {
        Segment wanted = null;
        if (segment != null && !segment.isBlank()) {
            try {
                wanted = Segment.valueOf(segment.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new OutreachException("segment", "OPPORTUNITY, SPLITTER, LOYALIST or NONE, not '" + segment + "'");
            }
        }
        if (limit < 1 || limit > 5_000) {
            throw new OutreachException("limit", "between 1 and 5000");
        }
        var user = caller();
        if (territories.find(id, user).isEmpty()) {
            throw new NoSuchElementException("There is no territory '" + id + "' you may see");
        }
        return targets.forTerritory(id, new Targets.Filter(blankToNull(serviceLine), wanted, limit), user);
    }

    @GetMapping("/api/interactions")
    @Operation(summary = "Interactions, newest first: a liaison's own, the team's for managers; filters type, "
            + "reached, user, from, to (exclusive, YYYY-MM-DD), territory, physicianId")
    List<Interaction> interactions(@RequestParam(required = false) String type, @RequestParam(required = false) String reached,
                                   @RequestParam(required = false) String user, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to, @RequestParam(required = false) String territory,
                                   @RequestParam(required = false) String physicianId,
                                   @RequestParam(defaultValue = "500") int limit) {
        var filter = new Interactions.Filter(
                type == null || type.isBlank() ? null : ApiValues.enumValue(InteractionType.class, "type", type),
                reached == null || reached.isBlank() ? null : ApiValues.enumValue(Reached.class, "reached", reached),
                user, ApiValues.date("from", from), ApiValues.date("to", to), territory, physicianId);
        return interactions.find(filter, caller(), Math.max(1, Math.min(limit, 10_000)));
    }

    @PostMapping("/api/interactions")
    @Operation(summary = "Logs an interaction: {physicianId, type, date, reached, durationMinutes, notes, outcome, "
            + "followUpDate}; 201 with the saved interaction, 400 naming the refused field")
    ResponseEntity<Interaction> log(@RequestBody InteractionJson body) {
        var saved = interactions.log(draft(body), caller());
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @PutMapping("/api/interactions/{id}")
    @Operation(summary = "Changes an interaction; only its author or an administrator may (403 otherwise)")
    Interaction change(@PathVariable String id, @RequestBody InteractionJson body) {
        return interactions.update(id, draft(body), caller());
    }

    @GetMapping("/api/plans")
    @Operation(summary = "The caller's visit plans, newest week first, stops in route order")
    List<VisitPlan> plans() {
        return plans.plans(caller().username());
    }

    @GetMapping(value = "/api/plans/{id}.ics", produces = "text/calendar")
    @Operation(summary = "A visit plan as an iCalendar file, one event per stop")
    ResponseEntity<String> ics(@PathVariable String id) {
        var plan = plans.find(id, caller()).orElseThrow(() -> new NoSuchElementException("There is no plan '" + id + "' you may see"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"visits-" + plan.weekStart() + ".ics\"")
                .body(PlanExport.ics(plan, properties.plan().visitMinutes(), Instant.now()));
    }

    private static InteractionDraft draft(InteractionJson body) {
        if (body == null) {
            throw new OutreachException("body", "Send the interaction as JSON");
        }
        return new InteractionDraft(body.physicianId(),
                body.type() == null ? null : ApiValues.enumValue(InteractionType.class, "type", body.type()),
                ApiValues.date("date", body.date()),
                body.reached() == null ? null : ApiValues.enumValue(Reached.class, "reached", body.reached()),
                body.durationMinutes(), body.notes(), body.outcome(), ApiValues.date("followUpDate", body.followUpDate()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
