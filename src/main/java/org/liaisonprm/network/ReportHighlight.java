package org.liaisonprm.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.report.ReportDefinition;
import org.liaisonprm.report.ReportResult;

/**
 * What a report marks in the explorer's picture: the drawn nodes its rows name, and the flows between
 * consecutive ones of a row where both are drawn.
 *
 * @param nodes drawn node ids, in the order the rows name them
 * @param edges (source, target) pairs of drawn nodes
 */
record ReportHighlight(Set<String> nodes, List<List<String>> edges) {

    static final ReportHighlight NONE = new ReportHighlight(Set.of(), List.of());

    /** The values the picture gives the report: its months, for the report's {@code from} and {@code to}. */
    static Map<String, Object> parameters(ReportDefinition report, NetworkPicture picture) {
        var parameters = new HashMap<String, Object>();
        for (var parameter : report.parameters()) {
            if (parameter.name().equals("from")) {
                parameters.put("from", picture.from().toString());
            } else if (parameter.name().equals("to")) {
                parameters.put("to", picture.to().toString());
            }
        }
        return parameters;
    }

    /**
     * The node ids each row names, in column order: graph nodes (a path's) and the text of a
     * {@code physicianId} or {@code id} column.
     */
    static List<List<String>> paths(ReportResult result) {
        var paths = new ArrayList<List<String>>();
        for (var row : result.rows()) {
            var path = new ArrayList<String>();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                String column = result.columns().get(i);
                if (value instanceof Map<?, ?> map && "node".equals(map.get("_type"))) {
                    path.add(String.valueOf(map.get("_id")));
                } else if (value instanceof String text && (column.equals("physicianId") || column.equals("id"))) {
                    path.add(text);
                }
            }
            paths.add(path);
        }
        return paths;
    }

    /** What the paths mark among the picture's nodes. */
    static ReportHighlight among(List<List<String>> paths, NetworkPicture picture) {
        var drawn = new HashSet<String>();
        picture.nodes().forEach(n -> drawn.add(n.id()));
        var nodes = new LinkedHashSet<String>();
        var edges = new ArrayList<List<String>>();
        for (var path : paths) {
            path.stream().filter(drawn::contains).forEach(nodes::add);
            for (int i = 1; i < path.size(); i++) {
                if (drawn.contains(path.get(i - 1)) && drawn.contains(path.get(i))) {
                    edges.add(List.of(path.get(i - 1), path.get(i)));
                }
            }
        }
        return new ReportHighlight(nodes, edges);
    }
}
