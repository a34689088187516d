package org.liaisonprm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

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

    ReportLibrary(ReportCatalog catalog, SavedReports saved, ReportRunner runner) {
        this.catalog = catalog;
        this.saved = saved;
        this.runner = runner;
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
        return runner.run(report, parameters);
    }
}
