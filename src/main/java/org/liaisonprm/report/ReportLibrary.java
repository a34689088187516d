package org.liaisonprm.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Every report a user can open: the built-in ones and the saved reports they may see. Built-in ids win
 * over saved ones (saving never takes a built-in id).
 */
@Service
public class ReportLibrary {

    private final ReportCatalog catalog;
    private final SavedReports saved;
    private final ReportRunner runner;
    private final AuditTrail audit;

    private final ReportProperties properties;
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

    ReportLibrary(ReportCatalog catalog, SavedReports saved, ReportRunner runner, AuditTrail audit,
                  ReportProperties properties) {
        this.properties = properties;
        this.catalog = catalog;
        this.saved = saved;
        this.runner = runner;
        this.audit = audit;
    }

    public List<ReportDefinition> all(CurrentUser user) {
        var all = new ArrayList<>(catalog.all().stream().filter(r -> r.isVisibleTo(user)).toList());
        all.addAll(saved.visibleTo(user));
        return all;
    }

    public Optional<ReportDefinition> find(String id, CurrentUser user) {
        return catalog.find(id).filter(r -> r.isVisibleTo(user)).or(() -> saved.find(id, user));
    }

    /**
     * @throws NoSuchElementException when the user has no report with that id
     */
    public ReportResult run(String id, Map<String, ?> parameters, CurrentUser user) {
        ReportDefinition report = find(id, user)
                .orElseThrow(() -> new NoSuchElementException("No report with the id " + id));
        return run(report, parameters, user);
    }

    /** Runs a report for the signed-in user; see {@link #run(ReportDefinition, Map, CurrentUser)}. */
    public ReportResult run(ReportDefinition report, Map<String, ?> parameters) {
        return run(report, parameters, CurrentUser.current());
    }

    /** Runs a report for a user and audits the run (report, parameters, rows, time). */
    public ReportResult run(ReportDefinition report, Map<String, ?> parameters, CurrentUser user) {
        ReportResult result = runner.run(report, parameters, user);
        audit.record(AuditType.REPORT_RUN, report.id(), audit.asJson(parameters), (long) result.rows().size(),
                result.elapsedMs());
        return result;
    }

    /** Runs ad-hoc Cypher for the signed-in user; see {@link #query(String, Map, Duration, CurrentUser)}. */
    public ReportResult query(String cypher, Map<String, ?> parameters, Duration timeout) {
        return query(cypher, parameters, timeout, CurrentUser.current());
    }

    /**
     * Runs ad-hoc Cypher for a user, at most {@code liaison.reports.max-concurrent-queries} of theirs at a time.
     * Every attempt is audited with its text and outcome (ran, refused, stopped, failed) before the rows are
     * returned, so an attempt whose audit event cannot be written fails.
     *
     * @throws QueryBusyException when the user already runs as many queries as they may
     */
    public ReportResult query(String cypher, Map<String, ?> parameters, Duration timeout, CurrentUser user) {
        Semaphore permits = running.computeIfAbsent(String.valueOf(user.username()),
                name -> new Semaphore(properties.maxConcurrentQueries()));
        if (!permits.tryAcquire()) {
            var busy = new QueryBusyException(properties.maxConcurrentQueries());
            audit.record(AuditType.QUERY_RUN, "refused", cypher + "\n// refused: " + busy.getMessage(), null, null);
            throw busy;
        }
        try {
            ReportResult result = runner.query(cypher, parameters, timeout);
            audit.record(AuditType.QUERY_RUN, "ran", cypher, (long) result.rows().size(), result.elapsedMs());
            return result;
        } catch (QueryRefusedException e) {
            audit.record(AuditType.QUERY_RUN, "refused", cypher + "\n// refused: " + e.getMessage(), null, null);
            throw e;
        } catch (QueryTimeoutException | QueryTooLargeException e) {
            audit.record(AuditType.QUERY_RUN, "stopped", cypher + "\n// stopped: " + e.getMessage(), null, null);
            throw e;
        } catch (RuntimeException e) {
            audit.record(AuditType.QUERY_RUN, "failed", cypher + "\n// failed: " + e.getMessage(), null, null);
            throw e;
        } finally {
            permits.release();
        }
    }

    /** Notes in the audit trail that the signed-in user downloaded rows. */
    public void exported(String what, int rows) {
        audit.record(AuditType.EXPORT, what, "CSV", (long) rows, null);
    }
}
