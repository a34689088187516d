package org.liaisonprm.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A bar or line chart of a report's rows (Chart.js in {@code frontend/components/report-chart.ts}).
 * <p>
 * The first text column gives the categories. When a category comes back on several rows and there is a
 * second text column, the rows are pivoted: one series per value of that column, measured by the first
 * count column (competitor share by ZIP: one series per health system). Otherwise the categories are the
 * {@code name} column if there is one, and every count column is a series (kept and leaked per service
 * line), leaving out a {@code referrals} total beside its parts. Ratios and money are left out: they do not
 * share a scale with counts.
 */
@Tag("liaison-report-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./components/report-chart.ts")
public class ReportChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERIES = 8;

    record Series(String name, List<Number> values) {
    }

    record ChartData(String type, List<String> labels, List<Series> series) {
    }

    /** Shows rows of the application's own queries: column names in words, codes by their labels. */
    public void show(ReportResult result, ReportDefinition.View view) {
        show(result, ReportColumn.of(null, result, true), view);
    }

    public void show(ReportResult result, List<ReportColumn> columns, ReportDefinition.View view) {
        try {
            getElement().setProperty("chart", JSON.writeValueAsString(chart(result, columns, view)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether these rows can be charted at all: a text column and a count column. */
    static boolean chartable(ReportResult result) {
        return !result.rows().isEmpty() && textColumns(result).size() >= 1 && !countColumns(result).isEmpty();
    }

    static ChartData chart(ReportResult result, ReportDefinition.View view) {
        return chart(result, ReportColumn.of(null, result), view);
    }

    /** The chart, its categories, series and legend in the columns' labels and formats. */
    static ChartData chart(ReportResult result, List<ReportColumn> columns, ReportDefinition.View view) {
        String type = view == ReportDefinition.View.LINE ? "line" : "bar";
        List<Integer> text = textColumns(result);
        List<Integer> counts = countColumns(result);
        var labels = new ArrayList<String>();
        if (text.size() >= 2 && repeats(result, text.get(0))) {
            int category = text.get(0);
            int seriesColumn = text.get(1);
            int measure = counts.get(0);
            Map<String, Map<String, Number>> bySeries = new LinkedHashMap<>();
            for (List<Object> row : result.rows()) {
                String label = columns.get(category).cell(row.get(category));
                if (!labels.contains(label)) {
                    labels.add(label);
                }
                bySeries.computeIfAbsent(columns.get(seriesColumn).cell(row.get(seriesColumn)), k -> new LinkedHashMap<>())
                        .put(label, (Number) row.get(measure));
            }
            var series = bySeries.entrySet().stream().limit(MAX_SERIES)
                    .map(e -> new Series(e.getKey(), labels.stream().map(l -> e.getValue().getOrDefault(l, 0)).toList()))
                    .toList();
            return new ChartData(type, labels, series);
        }
        int category = text.stream().filter(i -> result.columns().get(i).equals("name")).findFirst().orElse(text.get(0));
        result.rows().forEach(row -> labels.add(columns.get(category).cell(row.get(category))));
        // a total next to its parts would be drawn twice: when "referrals" sits beside other counts, leave it out
        List<Integer> measures = counts.size() > 1
                ? counts.stream().filter(i -> !result.columns().get(i).equals("referrals")).toList() : counts;
        var series = measures.stream().limit(MAX_SERIES)
                .map(i -> new Series(columns.get(i).label(), result.rows().stream().map(row -> (Number) row.get(i)).toList()))
                .toList();
        return new ChartData(type, labels, series);
    }

    /** Long format: the same category on several rows. */
    private static boolean repeats(ReportResult result, int column) {
        return result.rows().stream().map(row -> row.get(column)).distinct().count() < result.rows().size();
    }

    private static List<Integer> textColumns(ReportResult result) {
        return columnsHolding(result, String.class);
    }

    private static List<Integer> countColumns(ReportResult result) {
        return columnsHolding(result, Long.class);
    }

    /** The columns whose value in the first row is of this type. */
    private static List<Integer> columnsHolding(ReportResult result, Class<?> type) {
        List<Object> first = result.rows().isEmpty() ? List.of() : result.rows().get(0);
        return IntStream.range(0, first.size()).filter(i -> type.isInstance(first.get(i))).boxed().toList();
    }
}
