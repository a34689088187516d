package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liaisonprm.base.Csv;

/** Column labels and formats: declared in a report file, worked out otherwise, honoured by the grid and CSV. */
class ReportColumnTests {

    private static final String FILE = """
            // @title Leakage
            // @column serviceLine: Service line
            // @column leakageRate: Leakage rate | percent
            // @column revenueAtRisk: Revenue at risk | currency
            // @column network: Network | network
            RETURN 1
            """;

    private static ReportResult result(List<String> columns, List<List<Object>> rows) {
        return new ReportResult(columns, rows, false, 1);
    }

    @Test
    void aFileDeclaresLabelsAndFormats() {
        var report = ReportFile.parse("leakage", FILE);
        assertThat(report.columns()).extracting(ReportColumn::name)
                .containsExactly("serviceLine", "leakageRate", "revenueAtRisk", "network");
        var rate = report.column("leakageRate").orElseThrow();
        assertThat(rate.label()).isEqualTo("Leakage rate");
        assertThat(rate.format()).isEqualTo(ReportColumn.Format.PERCENT);
        assertThat(report.column("network").orElseThrow().kind()).isEqualTo("network");
        assertThat(report.column("serviceLine").orElseThrow().format()).as("worked out from the values").isNull();
    }

    @Test
    void aBadDeclarationNamesTheLineAndWhy() {
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title Bad\n// @column rate: Rate | percentage\nRETURN 1"))
                .hasMessageContaining("line 2").hasMessageContaining("'percentage' is not a column format")
                .hasMessageContaining("percent").hasMessageContaining("network");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title Bad\n// @column rate\nRETURN 1"))
                .hasMessageContaining("line 2").hasMessageContaining("@column needs 'name: Label'");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title Bad\n// @column a: A\n// @column a: B\nRETURN 1"))
                .hasMessageContaining("line 3").hasMessageContaining("column a is declared twice");
    }

    /**
     * Declared columns read as declared; the rest of a built-in report read as their names in words, whole
     * numbers as counts, a column of network codes by its labels.
     */
    @Test
    void theGridShowsLabelsAndFormattedValues() {
        var report = ReportFile.parse("leakage", FILE);
        var result = result(List.of("serviceLine", "leakageRate", "revenueAtRisk", "network", "topDestinationId",
                        "referrals", "peer", "since"),
                List.of(Arrays.asList("Orthopedics", 0.5483, 4.179E7, "OUT", "1234567893", 1204L, "AFFILIATED",
                        LocalDate.of(2026, 1, 5))));
        var columns = ReportColumn.of(report, result);
        assertThat(columns).extracting(ReportColumn::label).containsExactly("Service line", "Leakage rate",
                "Revenue at risk", "Network", "Top destination", "Referrals", "Peer", "Since");
        var row = result.rows().get(0);
        var cells = java.util.stream.IntStream.range(0, columns.size()).mapToObj(i -> columns.get(i).cell(row.get(i)))
                .toList();
        assertThat(cells).containsExactly("Orthopedics", "54.8 %", "$41,790,000", "Out of network", "1234567893",
                "1,204", "Affiliated", "2026-01-05");
    }

    /** An analyst's own Cypher keeps the names it wrote; codes still read as words. */
    @Test
    void adHocColumnsKeepTheirNames() {
        var result = result(List.of("leakageRate", "net"), List.of(Arrays.asList(0.25, "IN")));
        var columns = ReportColumn.of(null, result, false);
        assertThat(columns).extracting(ReportColumn::label).containsExactly("leakageRate", "net");
        assertThat(columns.get(0).cell(0.25)).isEqualTo("0.25");
        assertThat(columns.get(1).cell("IN")).isEqualTo("In network");
    }

    /** CSV: labelled headers with units, plain numbers, percentages as percent, codes as words. */
    @Test
    void csvHasLabelledHeadersAndPlainNumbers() {
        var report = ReportFile.parse("leakage", FILE);
        var result = result(List.of("serviceLine", "leakageRate", "revenueAtRisk", "network", "referrals"),
                List.of(Arrays.asList("Orthopedics", 0.5483, 4.179E7, "OUT", 1204L),
                        Arrays.asList("Cardiology", null, 4789200.0, "IN", 0L)));
        var out = new StringWriter();
        ReportColumn.csv(new Csv(out), ReportColumn.of(report, result), result);
        assertThat(out.toString().split("\r\n")).containsExactly(
                "Service line,Leakage rate (%),Revenue at risk ($),Network,Referrals",
                "Orthopedics,54.83,41790000.00,Out of network,1204",
                "Cardiology,,4789200.00,In network,0");
    }

    /**
     * An analyst's saved report chooses its labels: a label that a spreadsheet would evaluate is neutralised in
     * the CSV header, a format word outside the allow-list is refused, and a label cannot smuggle in a format.
     */
    @Test
    void hostileLabelsStayText() {
        var report = ReportFile.parse("hostile", """
                // @title Hostile
                // @column a: =HYPERLINK("http://x") | count
                // @column b: <img src=x onerror=alert(1)>
                RETURN 1
                """);
        var result = result(List.of("a", "b"), List.of(Arrays.asList(1L, "x")));
        var out = new StringWriter();
        ReportColumn.csv(new Csv(out), ReportColumn.of(report, result), result);
        assertThat(out.toString().split("\r\n")[0])
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",<img src=x onerror=alert(1)>");
        assertThat(report.column("a").orElseThrow().format()).isEqualTo(ReportColumn.Format.COUNT);
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title Bad\n// @column a: A | ../../etc\nRETURN 1"))
                .hasMessageContaining("@column needs");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title Bad\n// @column a: A | apoc\nRETURN 1"))
                .hasMessageContaining("'apoc' is not a column format");
    }
}
