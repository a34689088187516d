package org.liaisonprm.report;

import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reports that analysts save: {@code (:SavedReport)} nodes holding the whole report text (the same format
 * as a report file), the owner and whether everyone sees it. Every change keeps the text it replaced as a
 * {@code (:SavedReportVersion)} linked by {@code PREVIOUS_VERSION}, so nothing saved is ever lost.
 * <p>
 * A report is checked before it is stored: its header must read, and its Cypher (and every choices query)
 * must pass {@link QueryGuard} with Neo4j's plan, just as it will each time it runs.
 */
@Service
public class SavedReports {

    private static final Logger log = LoggerFactory.getLogger(SavedReports.class);
    private static final int MAX_ID_LENGTH = 48;

    private static final Cypher VISIBLE = Cypher.load("report/visible-saved-reports");
    private static final Cypher FIND = Cypher.load("report/find-saved-report");
    private static final Cypher EXISTS = Cypher.load("report/saved-report-exists");
    private static final Cypher CREATE = Cypher.load("report/create-saved-report");
    private static final Cypher UPDATE = Cypher.load("report/update-saved-report");
    private static final Cypher DELETE = Cypher.load("report/delete-saved-report");
    private static final Cypher VERSIONS = Cypher.load("report/saved-report-versions");
    private static final Cypher INCLUDE = Cypher.load("report/include-in-digest");
    private static final Cypher LEAVE_OUT = Cypher.load("report/leave-out-of-digest");
    private static final Cypher DIGEST_REPORTS = Cypher.load("report/digest-reports");

    private final Graph graph;
    private final ReportCatalog catalog;
    private final ReportRunner runner;
    private final AuditTrail audit;

    SavedReports(Graph graph, ReportCatalog catalog, ReportRunner runner, AuditTrail audit) {
        this.graph = graph;
        this.catalog = catalog;
        this.runner = runner;
        this.audit = audit;
    }

    /** One earlier text of a saved report. */
    public record Version(int version, String title, ZonedDateTime savedAt, String savedBy, String source) {
    }

    /** The saved reports the user may see, by category and title. */
    public List<ReportDefinition> visibleTo(CurrentUser user) {
        return read(VISIBLE, Map.of("username", String.valueOf(user.username()), "admin", user.isAdmin()))
                .stream().map(r -> definition(r.get("s"))).flatMap(Optional::stream).toList();
    }

    public Optional<ReportDefinition> find(String id, CurrentUser user) {
        return read(FIND, Map.of("id", id)).stream()
                .map(r -> definition(r.get("s"))).flatMap(Optional::stream)
                .filter(r -> r.isVisibleTo(user)).findFirst();
    }

    /**
     * Saves a new report under an id made from its title.
     *
     * @throws AccessDeniedException when the user may not write Cypher
     * @throws IllegalArgumentException (a {@link ReportFile.ReportFileException}, {@link QueryRefusedException}
     *                                  or {@link ReportParameterException}) saying what is wrong with the text
     */
    public ReportDefinition create(String source, boolean shared, CurrentUser user) {
        if (!user.mayWriteCypher() || user.username() == null) {
            throw new AccessDeniedException("Only analysts and administrators save reports");
        }
        ReportDefinition checked = check("new-report", source);
        String id = freeId(checked.title());
        write(CREATE, Map.of("id", id, "title", checked.title(), "category", checked.category(), "source", source,
                "username", user.username(), "shared", shared));
        log.info("{} saved report {} ({})", user.username(), id, shared ? "shared" : "private");
        audit.record(AuditType.REPORT_SAVED, user.username(), id, shared ? "shared" : "private", null, null);
        return find(id, user).orElseThrow();
    }

    /**
     * Replaces a saved report's text and sharing; the text it had becomes a previous version.
     *
     * @throws NoSuchElementException when the user cannot see such a report
     * @throws AccessDeniedException when the user may not change it
     */
    public ReportDefinition update(String id, String source, boolean shared, CurrentUser user) {
        ReportDefinition current = changeable(id, user);
        ReportDefinition checked = check(id, source);
        write(UPDATE, Map.of("id", id, "title", checked.title(), "category", checked.category(), "source", source,
                "shared", shared, "username", user.username()));
        log.info("{} changed saved report {} (version {})", user.username(), id, current.saved().version() + 1);
        audit.record(AuditType.REPORT_CHANGED, user.username(), id,
                "version " + (current.saved().version() + 1) + (shared ? ", shared" : ", private"), null, null);
        return find(id, user).orElseThrow();
    }

    /** Makes an earlier text the current one again (as a new version, so the history stays whole). */
    public ReportDefinition restore(String id, int version, CurrentUser user) {
        ReportDefinition current = changeable(id, user);
        Version earlier = versions(id, user).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Report " + id + " has no version " + version));
        return update(id, earlier.source(), current.saved().shared(), user);
    }

    /** Removes a saved report with all its versions. */
    public void delete(String id, CurrentUser user) {
        changeable(id, user);
        write(DELETE, Map.of("id", id));
        log.info("{} deleted saved report {}", user.username(), id);
        audit.record(AuditType.REPORT_DELETED, user.username(), id, null, null, null);
    }

    /**
     * Whether the user's weekly digest attaches the report's rows as CSV (run with its default parameters, as
     * the user). Only users who may download results subscribe.
     *
     * @throws NoSuchElementException when the user may not see the report
     * @throws AccessDeniedException  when the user may not download results
     */
    public void includeInDigest(String id, boolean included, CurrentUser user) {
        find(id, user).orElseThrow(() -> new NoSuchElementException("No saved report " + id));
        if (!user.mayExport()) {
            throw new AccessDeniedException("Viewers do not download results, so their digest attaches none");
        }
        write(included ? INCLUDE : LEAVE_OUT, Map.of("username", user.username(), "id", id));
    }

    /** The saved reports the user's digest attaches that they may still see. */
    public List<ReportDefinition> inDigest(CurrentUser user) {
        if (user.username() == null || !user.mayExport()) {
            return List.of();
        }
        return read(DIGEST_REPORTS, Map.of("username", user.username())).stream()
                .map(r -> find(r.get("id").asString(), user)).flatMap(Optional::stream).toList();
    }

    /** Earlier versions, newest first. */
    public List<Version> versions(String id, CurrentUser user) {
        find(id, user).orElseThrow(() -> new NoSuchElementException("No saved report " + id));
        return read(VERSIONS, Map.of("id", id)).stream().map(r -> {
                    Value v = r.get("v");
                    return new Version(v.get("version").asInt(), v.get("title").asString(),
                            v.get("savedAt").asZonedDateTime(), v.get("savedBy").asString(), v.get("source").asString());
                }).toList();
    }

    private ReportDefinition changeable(String id, CurrentUser user) {
        ReportDefinition current = find(id, user)
                .orElseThrow(() -> new NoSuchElementException("No saved report " + id));
        if (!current.mayBeChangedBy(user)) {
            throw new AccessDeniedException("Only the owner of " + id + " or an administrator may change it");
        }
        return current;
    }

    /** Parses the text and checks its Cypher and choices queries as they will run. */
    private ReportDefinition check(String id, String source) {
        if (source == null || source.isBlank()) {
            throw new ReportFile.ReportFileException("the report", 0, "the text is empty");
        }
        ReportDefinition report = ReportFile.parse(id, source, "the report");
        runner.check(report.cypher(), runner.parameters(report, Map.of()));
        for (ReportParameter parameter : report.parameters()) {
            if (parameter.choicesQuery() != null) {
                runner.check(parameter.choicesQuery(), Map.of());
            }
        }
        return report;
    }

    private String freeId(String title) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > MAX_ID_LENGTH) {
            base = base.substring(0, MAX_ID_LENGTH).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "report";
        }
        String id = base;
        for (int n = 2; catalog.find(id).isPresent() || exists(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean exists(String id) {
        return !read(EXISTS, Map.of("id", id)).isEmpty();
    }

    /** The report a node holds; a text that no longer reads (edited in the database) is left out and logged. */
    private Optional<ReportDefinition> definition(Value node) {
        String id = node.get("id").asString();
        try {
            ReportDefinition report = ReportFile.parse(id, node.get("source").asString(), "saved report " + id);
            return Optional.of(report.withSaved(new ReportDefinition.Saved(node.get("owner").asString(),
                    node.get("shared").asBoolean(false), node.get("version").asInt(1),
                    node.get("updatedAt").asZonedDateTime(null), node.get("updatedBy").asString(null),
                    node.get("source").asString())));
        } catch (IllegalArgumentException e) {
            log.warn("Saved report {} cannot be read and is left out: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private List<Record> read(Cypher statement, Map<String, Object> parameters) {
        return graph.read(statement, parameters, row -> row);
    }

    private void write(Cypher statement, Map<String, Object> parameters) {
        graph.write(statement, new HashMap<>(parameters));
    }
}
