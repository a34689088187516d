package org.liaisonprm.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.liaisonprm.base.Csv;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.ReferralNetworkGraph;
import org.liaisonprm.graph.NetworkMembership;

/**
 * Shows a result: a sortable table, a network when rows hold nodes, a chart for bar and line reports, a
 * summary line and a CSV download. Used by saved reports and by ad-hoc queries.
 */
class ResultsPanel extends VerticalLayout {

    private final Span summary = new Span();
    private final Anchor download = new Anchor();
    private final Grid<List<Object>> grid = new Grid<>();
    private final ReferralNetworkGraph graph = new ReferralNetworkGraph();
    private final ReportChart chart = new ReportChart();
    private final TabSheet tabs = new TabSheet();
    private final ReportLibrary library;
    private String fileName = "result";
    private ReportResult result;
    private List<ReportColumn> columns = List.of();
    private boolean shownBefore;

    ResultsPanel(ReportLibrary library) {
        this.library = library;
        setPadding(false);
        setSizeFull();
        addClassName("report-results-panel");
        summary.addClassName("report-summary");
        download.setText("Download CSV");
        download.addClassName("report-download");
        download.setEnabled(false);
        download.setHref(csvDownload());
        download.setVisible(CurrentUser.current().mayExport());

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addClassName("report-grid");
        graph.setSizeFull();
        chart.setWidthFull();
        chart.addClassName("report-chart");
        graph.addNodeSelectListener(event -> {
            if (event.getNodeId() != null) {
                getUI().ifPresent(ui -> ui.navigate("network", QueryParameters.of("focus", event.getNodeId())));
            }
        });
        tabs.add("Table", grid);
        tabs.setSizeFull();
        tabs.addClassName("report-results");
        add(tabs);
        setFlexGrow(1, tabs);
    }

    /** The summary line, to be placed beside the Run button. */
    Span summary() {
        return summary;
    }

    /** The CSV download link, to be placed beside the Run button. */
    Anchor download() {
        return download;
    }

    /**
     * Shows a result.
     *
     * @param report the report it came from, whose column declarations label and format it; null for ad-hoc
     *               Cypher, whose columns keep the names it gave them
     */
    void show(ReportDefinition report, ReportResult result, ReportDefinition.View view, String fileName) {
        show(ReportColumn.of(report, result), result, view, fileName);
    }

    /** Shows a result whose columns are labelled and formatted as given. */
    void show(List<ReportColumn> shownColumns, ReportResult result, ReportDefinition.View view, String fileName) {
        this.result = result;
        this.fileName = fileName;
        this.columns = shownColumns;
        grid.removeAllColumns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            ReportColumn shown = columns.get(i);
            String name = shown.name();
            Grid.Column<List<Object>> column = isLinkColumn(name, index)
                    ? grid.addColumn(new ComponentRenderer<>(row -> link(row.get(index))))
                    : grid.addColumn(row -> shown.cell(row.get(index)));
            column.setHeader(shown.label()).setKey(name).setResizable(true).setAutoWidth(true)
                    .setComparator(Comparator.comparing(row -> sortKey(row.get(index)),
                            Comparator.nullsFirst(Comparator.naturalOrder())));
            if (!result.rows().isEmpty() && result.rows().get(0).get(index) instanceof Number) {
                column.setTextAlign(ColumnTextAlign.END);
            }
        }
        grid.setItems(result.rows());
        summary.setText("%,d rows · %,d ms%s".formatted(result.rows().size(), result.elapsedMs(),
                result.truncated() ? " · cut at the row limit: narrow the parameters to see everything" : ""));
        download.setEnabled(true);

        // a run again keeps the tab the user chose; the first run opens the report's own view
        String chosen = shownBefore && tabs.getSelectedTab() != null ? tabs.getSelectedTab().getLabel() : null;
        shownBefore = true;
        while (tabs.getTabCount() > 1) {
            tabs.remove(1);
        }
        tabs.setSelectedIndex(0);
        var picture = picture(result);
        graph.setPicture(picture);
        if (!picture.nodes().isEmpty()) {
            tabs.add("Graph", graph);
            if (view == ReportDefinition.View.GRAPH) {
                tabs.setSelectedIndex(tabs.getTabCount() - 1);
            }
        }
        boolean charted = view == ReportDefinition.View.BAR || view == ReportDefinition.View.LINE;
        if (charted && ReportChart.chartable(result)) {
            chart.show(result, columns, view);
            tabs.add("Chart", chart);
            tabs.setSelectedIndex(tabs.getTabCount() - 1);
        }
        if (chosen != null) {
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if (chosen.equals(tabs.getTabAt(i).getLabel())) {
                    tabs.setSelectedIndex(i);
                }
            }
        }
    }

    private boolean isLinkColumn(String name, int index) {
        return name.equals("physicianId") || !result.rows().isEmpty() && isNode(result.rows().get(0).get(index));
    }

    private static boolean isNode(Object value) {
        return value instanceof Map<?, ?> map && "node".equals(map.get("_type"));
    }

    private static Component link(Object value) {
        if (value == null) {
            return new Span();
        }
        String id = value instanceof Map<?, ?> map ? String.valueOf(map.get("_id")) : value.toString();
        String text = value instanceof Map<?, ?> map && map.get("name") != null ? map.get("name").toString() : id;
        var anchor = new Anchor("network?focus=" + URLEncoder.encode(id, StandardCharsets.UTF_8), text);
        anchor.addClassName("report-node-link");
        return anchor;
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "%,d".formatted(((Number) value).longValue());
        }
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) >= 1) {
                return "%,.0f".formatted(d);
            }
            return Math.abs(d) < 1 ? "%.4f".formatted(d) : "%,.2f".formatted(d);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(ResultsPanel::format).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            Object name = map.containsKey("name") ? map.get("name") : map.get("_id");
            return String.valueOf(name);
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortKey(Object value) {
        if (value == null || value instanceof Comparable<?>) {
            return (Comparable<Object>) value;
        }
        return (Comparable<Object>) (Object) format(value);
    }

    /** Nodes in a row are drawn and joined in column order; the n-th count of the row weighs the n-th edge. */
    static NetworkPicture picture(ReportResult result) {
        var nodes = new LinkedHashMap<String, NetworkPicture.Node>();
        var edges = new LinkedHashMap<String, NetworkPicture.Edge>();
        for (List<Object> row : result.rows()) {
            List<Map<?, ?>> rowNodes = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (Object value : row) {
                if (isNode(value)) {
                    rowNodes.add((Map<?, ?>) value);
                } else if (value instanceof Long n) {
                    counts.add(n);
                }
            }
            for (Map<?, ?> node : rowNodes) {
                nodes.putIfAbsent(String.valueOf(node.get("_id")), node(node));
            }
            for (int i = 0; i + 1 < rowNodes.size(); i++) {
                var from = nodes.get(String.valueOf(rowNodes.get(i).get("_id")));
                var to = nodes.get(String.valueOf(rowNodes.get(i + 1).get("_id")));
                long weight = i < counts.size() ? counts.get(i) : 1;
                boolean leaking = NetworkMembership.inNetwork(from.network()) && "OUT".equals(to.network());
                edges.putIfAbsent(from.id() + ">" + to.id(),
                        new NetworkPicture.Edge(from.id(), to.id(), "REFERRED", weight, 0, leaking));
            }
        }
        return new NetworkPicture(null, null, null, List.copyOf(nodes.values()), List.copyOf(edges.values()), false);
    }

    private static NetworkPicture.Node node(Map<?, ?> map) {
        Object labels = map.get("_labels");
        boolean facility = labels instanceof Collection<?> l && l.contains("Facility");
        boolean practice = labels instanceof Collection<?> l && l.contains("Practice");
        var kind = facility ? NetworkPicture.Kind.FACILITY
                : practice ? NetworkPicture.Kind.PRACTICE : NetworkPicture.Kind.PHYSICIAN;
        Object detail = map.get("specialty") != null ? map.get("specialty") : map.get("type");
        return new NetworkPicture.Node(String.valueOf(map.get("_id")), kind,
                String.valueOf(map.get("name") != null ? map.get("name") : map.get("_id")),
                detail == null ? null : detail.toString(), map.get("city") == null ? null : map.get("city").toString(),
                map.get("network") != null ? map.get("network").toString() : "OUT", null, 0);
    }

    private DownloadHandler csvDownload() {
        return event -> {
            event.setFileName(fileName + ".csv");
            event.setContentType("text/csv;charset=UTF-8");
            var writer = event.getWriter();
            if (result != null && CurrentUser.current().mayExport()) {
                library.exported(fileName, result.rows().size());
                ReportColumn.csv(new Csv(writer), columns, result);
            }
            writer.flush();
        };
    }
}
