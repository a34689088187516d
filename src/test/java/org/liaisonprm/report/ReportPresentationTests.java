package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How results are shown: chart series, labels and cell formats.
 */
class ReportPresentationTests {

    @Test
    void countsBecomeSeriesLeavingOutTheirTotal() {
        var result = new ReportResult(List.of("serviceLine", "referrals", "kept", "leaked", "leakageRate"),
                List.of(List.of("Cardiology", 28L, 12L, 16L, 0.57), List.of("Orthopedics", 13L, 9L, 4L, 0.31)),
                false, 5);
        var chart = ReportChart.chart(result, ReportDefinition.View.BAR);
        assertThat(chart.type()).isEqualTo("bar");
        assertThat(chart.labels()).containsExactly("Cardiology", "Orthopedics");
        assertThat(chart.series()).containsExactly(
                new ReportChart.Series("kept", List.of(12L, 9L)), new ReportChart.Series("leaked", List.of(16L, 4L)));
    }

    @Test
    void longFormatRowsArePivoted() {
        var result = new ReportResult(List.of("zip", "healthSystem", "home", "referrals", "share"), List.of(
                List.of("02169", "Independent", false, 18L, 0.58), List.of("02169", "Home Health", true, 9L, 0.29),
                List.of("02101", "Rival Health", false, 24L, 0.86), List.of("02101", "Home Health", true, 4L, 0.14)),
                false, 5);
        var chart = ReportChart.chart(result, ReportDefinition.View.BAR);
        assertThat(chart.labels()).containsExactly("02169", "02101");
        assertThat(chart.series()).containsExactly(
                new ReportChart.Series("Independent", List.of(18L, 0)),
                new ReportChart.Series("Home Health", List.of(9L, 4L)),
                new ReportChart.Series("Rival Health", List.of(0, 24L)));
    }

    @Test
    void namedRowsUseTheirNames() {
        var result = new ReportResult(List.of("id", "name", "referrals", "commercial", "medicare"),
                List.of(List.of("rival", "Rival Health", 35L, 33L, 2L), List.of("home", "Home Health", 13L, 7L, 6L)),
                false, 5);
        var chart = ReportChart.chart(result, ReportDefinition.View.BAR);
        assertThat(chart.labels()).containsExactly("Rival Health", "Home Health");
        assertThat(chart.series()).extracting(ReportChart.Series::name).containsExactly("commercial", "medicare");
        assertThat(ReportChart.chartable(new ReportResult(List.of("n"), List.of(List.of(1L)), false, 1))).isFalse();
    }

    @Test
    void labelsAndCellsReadWell() {
        assertThat(ReportView.label("minReferrals")).isEqualTo("Min referrals");
        assertThat(ReportView.label("from")).isEqualTo("From");
        assertThat(ResultsPanel.format(1234567L)).isEqualTo("1,234,567");
        assertThat(ResultsPanel.format(224000.0)).isEqualTo("224,000");
        assertThat(ResultsPanel.format(0.5714)).isEqualTo("0.5714");
        assertThat(ResultsPanel.format(12.345)).isEqualTo("12.35");
        assertThat(ResultsPanel.format(List.of("A", "B"))).isEqualTo("A, B");
        assertThat(ResultsPanel.format(java.util.Map.of("_type", "node", "_id", "x", "name", "Dr X"))).isEqualTo("Dr X");
        assertThat(ResultsPanel.format(null)).isEmpty();
    }
}
