package org.liaisonprm.report;

import java.util.List;
import java.util.Optional;

/**
 * A saved report: its header and its Cypher.
 *
 * @param id       the file name without {@code .cypher}; stable, used in links and the API
 * @param view     how results are shown first: table, graph, bar or line
 * @param usesGds  the report projects a GDS graph named {@code $graphName}; the runner names it uniquely
 *                 per run and always drops it afterwards
 */
public record ReportDefinition(String id, String title, String description, String category, View view,
                               List<ReportParameter> parameters, boolean usesGds, String cypher) {

    public enum View { TABLE, GRAPH, BAR, LINE }

    public ReportDefinition {
        parameters = List.copyOf(parameters);
    }

    public Optional<ReportParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
