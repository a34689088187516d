package org.liaisonprm.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
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

    ReportLibrary(ReportCatalog catalog, SavedReports saved, ReportRunner runner, AuditTrail audit) {
        this.catalog = catalog;
        this.saved = saved;
        this.runner = runner;
        this.audit = audit;
    }

    public List<ReportDefinition> all(ReportUser user) {
        var all = new ArrayList<>(catalog.all());
        all.addAll(saved.visibleTo(user));
        return all;
    }

    public Optional<ReportDefinition> find(String id, ReportUser user) {
        return catalog.find(id).or(() -> saved.find(id, user));
    }

    /**
     * @throws NoSuchElementException when the user has no report with that id
     */
    public ReportResult run(String id, Map<String, ?> parameters, ReportUser user) {
        ReportDefinition report = find(id, user)
                .orElseThrow(() -> new NoSuchElementException("No report with the id " + id));
        return run(report, parameters);
    }

    /** Runs a report for the signed-in user and audits the run (report, parameters, rows, time). */
    public ReportResult run(ReportDefinition report, Map<String, ?> parameters) {
        ReportResult result = runner.run(report, parameters);
        audit.record(AuditType.REPORT_RUN, report.id(), audit.asJson(parameters), (long) result.rows().size(),
                result.elapsedMs());
        return result;
    }

    /** Runs ad-hoc Cypher for the signed-in user; the text is audited, refused or not. */
    public ReportResult query(String cypher, Map<String, ?> parameters, Duration timeout) {
        try {
            ReportResult result = runner.query(cypher, parameters, timeout);
            audit.record(AuditType.QUERY_RUN, "ran", cypher, (long) result.rows().size(), result.elapsedMs());
            return result;
        } catch (QueryRefusedException e) {
            audit.record(AuditType.QUERY_RUN, "refused", cypher + "\n// refused: " + e.getMessage(), null, null);
            throw e;
        }
    }

    /** Notes in the audit trail that the signed-in user downloaded rows. */
    public void exported(String what, int rows) {
        audit.record(AuditType.EXPORT, what, "CSV", (long) rows, null);
    }
}
