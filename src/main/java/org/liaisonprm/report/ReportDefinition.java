package org.liaisonprm.report;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.liaisonprm.base.CurrentUser;

/**
 * A report: its header and its Cypher. Built-in reports come from report files; saved reports are
 * {@code (:SavedReport)} nodes written by analysts, and their Cypher always runs in the sandbox ({@link CypherSandbox}).
 *
 * @param id       stable, used in links and the API: the file name without {@code .cypher}, or the id a
 *                 saved report was given
 * @param view     how results are shown first: table, graph, bar or line
 * @param usesGds  the report projects a GDS graph named {@code $graphName}; the runner names it uniquely
 *                 per run and always drops it afterwards
 * @param columns  the columns the file declares with {@code @column}: label and format
 * @param saved    who saved the report and whether others see it; null for a built-in report
 */
public record ReportDefinition(String id, String title, String description, String category, View view,
                               List<ReportParameter> parameters, List<ReportColumn> columns, boolean usesGds,
                               String cypher, Saved saved) {

    public enum View { TABLE, GRAPH, BAR, LINE }

    /**
     * @param source    the whole report text as saved: header comments and Cypher
     * @param version   1 for the first save, one more for every change
     */
    public record Saved(String owner, boolean shared, int version, ZonedDateTime updatedAt, String updatedBy,
                        String source) {
    }

    public ReportDefinition {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }

    public Optional<ReportParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The declaration of a column, when the file has one. */
    public Optional<ReportColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * A built-in report of the Outreach category: it reads interactions and territories and runs with
     * {@code $viewer} (the user) and {@code $teamView} (whether they see the team's outreach).
     */
    public boolean readsOutreach() {
        return !isSaved() && "Outreach".equals(category);
    }

    public boolean isSaved() {
        return saved != null;
    }

    public ReportDefinition withSaved(Saved saved) {
        return new ReportDefinition(id, title, description, category, view, parameters, columns, usesGds, cypher, saved);
    }

    /**
     * Built-in outreach reports read interactions and territories, which analysts and viewers do not see
     * (docs/security.md); administrators, managers and liaisons do, a liaison only their own. A saved report
     * is seen by its owner, by everyone when shared, and by administrators.
     */
    public boolean isVisibleTo(CurrentUser user) {
        if (readsOutreach()) {
            return user.doesOutreach();
        }
        return !isSaved() || saved().shared() || user.isAdmin() || user.is(saved().owner());
    }

    /** Owners change their saved reports; administrators change any. */
    public boolean mayBeChangedBy(CurrentUser user) {
        return isSaved() && user.username() != null && user.mayWriteCypher()
                && (user.isAdmin() || user.is(saved().owner()));
    }
}
