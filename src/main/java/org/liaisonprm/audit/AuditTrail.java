package org.liaisonprm.audit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail: {@code (:AuditEvent)} nodes written only here. Nothing in the UI or the API
 * changes or deletes them (ad-hoc Cypher only reads); the only removal is the retention clean-up
 * ({@code liaison.audit.retention}).
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    /**
     * Longest text kept in an event's detail, and in its user name, address and target. A caller who has
     * not logged in chooses the user name of a failed login; cut to length, it stays indexable (the index
     * refuses values of some kilobytes, and the event would be lost) and cheap to read.
     */
    static final int MAX_DETAIL = 20_000;
    static final int MAX_FIELD = 200;

    private static final Cypher RECORD_EVENT = Cypher.load("audit/record-event");
    private static final Cypher FIND_EVENTS = Cypher.load("audit/find-events");
    private static final Cypher PURGE_EVENTS = Cypher.load("audit/purge-events");

    private final Graph graph;
    private final AuditProperties properties;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy security;

    AuditTrail(Graph graph, AuditProperties properties, ObjectMapper json,
               ObjectProvider<SecurityContextHolderStrategy> security) {
        this.graph = graph;
        this.properties = properties;
        this.json = json;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Filters for {@link #find}; every field may be null. {@code to} is exclusive. */
    public record Filter(LocalDate from, LocalDate to, String username, AuditType type) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /** Records what the signed-in user of the current request did. */
    public void record(AuditType type, String target, String detail, Long rows, Long durationMs) {
        record(type, currentUsername(), target, detail, rows, durationMs);
    }

    /**
     * Records an event for a named user (a failed login has no signed-in user).
     *
     * @throws AuditUnavailableException when the event cannot be written; the action it records must fail
     */
    public void record(AuditType type, String username, String target, String detail, Long rows, Long durationMs) {
        var event = new HashMap<String, Object>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type.name());
        String who = cut(username, MAX_FIELD);
        event.put("username", who);
        event.put("address", cut(currentAddress(), MAX_FIELD));
        event.put("target", cut(target, MAX_FIELD));
        event.put("detail", cut(detail, MAX_DETAIL));
        event.put("rows", rows);
        event.put("durationMs", durationMs);
        try {
            graph.bookkeeping(RECORD_EVENT, Map.of("event", event));
        } catch (RuntimeException e) {
            // An action that cannot be audited must not happen unaudited: the caller's action fails with it.
            log.error("Could not write the audit event {} for {}: {}", type, who, cut(e.getMessage(), MAX_FIELD));
            throw new AuditUnavailableException(type, e);
        }
    }

    /** The text, or its first {@code limit - 1} characters and "…" (never half of a surrogate pair). */
    static String cut(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Parameters as stable JSON (keys sorted), for an event's detail. */
    public String asJson(Map<String, ?> parameters) {
        try {
            return json.writeValueAsString(new TreeMap<>(parameters == null ? Map.of() : parameters));
        } catch (JsonProcessingException e) {
            return String.valueOf(parameters);
        }
    }

    /** The newest events first, at most {@code limit}. */
    public List<AuditEvent> find(Filter filter, int limit) {
        var parameters = new HashMap<String, Object>();
        parameters.put("from", filter.from() == null ? null : filter.from().atStartOfDay(ZoneOffset.UTC));
        parameters.put("to", filter.to() == null ? null : filter.to().atStartOfDay(ZoneOffset.UTC));
        parameters.put("username", filter.username() == null || filter.username().isBlank() ? null : filter.username().strip());
        parameters.put("type", filter.type() == null ? null : filter.type().name());
        parameters.put("limit", limit);
        return graph.read(FIND_EVENTS, parameters, r -> event(r.get("e")));
    }

    /** Removes events older than the retention period; the one deletion the trail allows. */
    @Scheduled(cron = "${liaison.audit.purge-cron:0 17 3 * * *}")
    public long purge() {
        Duration retention = properties.retention();
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        long removed = 0;
        long batch;
        do {
            batch = graph.bookkeeping(PURGE_EVENTS, Map.of("seconds", retention.toSeconds()), r -> r.get("n").asLong())
                    .get(0);
            removed += batch;
        } while (batch > 0);
        if (removed > 0) {
            log.info("Removed {} audit events older than {} days", removed, retention.toDays());
        }
        return removed;
    }

    private static AuditEvent event(Value e) {
        return new AuditEvent(e.get("id").asString(), e.get("at").asZonedDateTime(),
                AuditType.valueOf(e.get("type").asString()), e.get("username").asString(null),
                e.get("address").asString(null), e.get("target").asString(null), e.get("detail").asString(null),
                e.get("rows").isNull() ? null : e.get("rows").asLong(),
                e.get("durationMs").isNull() ? null : e.get("durationMs").asLong());
    }

    private String currentUsername() {
        Authentication authentication = security.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
