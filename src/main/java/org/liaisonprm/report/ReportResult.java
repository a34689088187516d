package org.liaisonprm.report;

import java.util.Collections;
import java.util.List;

/**
 * What a report returned.
 *
 * @param rows      values in column order: strings, numbers, booleans, dates, lists, maps, or
 *                  {@link GraphValues} maps for nodes, relationships and paths
 * @param truncated true when rows beyond {@code liaison.reports.max-rows} were left out
 */
public record ReportResult(List<String> columns, List<List<Object>> rows, boolean truncated, long elapsedMs) {

    /** A result can be shared between callers (rows are reused while the graph has not changed). */
    public ReportResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(Collections::unmodifiableList).toList();
    }
}
