package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportFileTests {

    @Test
    void readsTheHeaderAndTheCypher() {
        var report = ReportFile.parse("sample", """
                // @title Sample report
                // @description First line,
                // @description second line.
                // @category Leakage
                // @view bar
                // @param from: date = latest-12m
                // @param limit: int = 20
                // @param line: enum(Orthopedics|Cardiology) = Cardiology
                // @param lines: list<string>
                // @param name: string
                // @choices name: MATCH (p:Physician) RETURN p.name
                MATCH (p:Physician) // a comment inside the query stays
                RETURN p.name AS name LIMIT $limit;
                """);
        assertThat(report.title()).isEqualTo("Sample report");
        assertThat(report.description()).isEqualTo("First line, second line.");
        assertThat(report.category()).isEqualTo("Leakage");
        assertThat(report.view()).isEqualTo(ReportDefinition.View.BAR);
        assertThat(report.parameters()).extracting(ReportParameter::name)
                .containsExactly("from", "limit", "line", "lines", "name");
        assertThat(report.parameter("line").orElseThrow().type().values()).containsExactly("Orthopedics", "Cardiology");
        assertThat(report.parameter("from").orElseThrow().defaultValue()).isEqualTo("latest-12m");
        assertThat(report.parameter("name").orElseThrow().choicesQuery()).isEqualTo("MATCH (p:Physician) RETURN p.name");
        assertThat(report.cypher()).isEqualTo("MATCH (p:Physician) // a comment inside the query stays\nRETURN p.name AS name LIMIT $limit");
    }

    @Test
    void saysWhichFileAndLineIsWrong() {
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title T\n// @param n: integr = 3\nRETURN 1"))
                .hasMessage("cypher/reports/bad.cypher, line 2: parameter n: unknown parameter type 'integr' "
                        + "(string, int, float, boolean, date, enum(a|b), list<string>)");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title T\n// @param n: int = three\nRETURN 1"))
                .hasMessage("cypher/reports/bad.cypher, line 2: parameter n: must be a whole number, not 'three'");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @view pie\n// @title T\nRETURN 1"))
                .hasMessage("cypher/reports/bad.cypher, line 1: @view must be table, graph, bar or line");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @description no title\nRETURN 1"))
                .hasMessage("cypher/reports/bad.cypher: @title is missing");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title T\nMATCH (n) DETACH DELETE n; RETURN 1"))
                .hasMessageContaining("a report is one statement");
        assertThatThrownBy(() -> ReportFile.parse("bad", "// @title T\n// @choices x: RETURN 1\nRETURN 1"))
                .hasMessageContaining("line 2: @choices needs 'name: query' for a declared parameter");
        assertThatThrownBy(() -> ReportFile.parse("Bad_Id", "// @title T\nRETURN 1"))
                .hasMessageContaining("lower-case letters, digits and dashes");
    }

    @Test
    void convertsParameterValuesOrSaysWhyNot() {
        assertThat(ParameterType.parse("int").convert("42")).isEqualTo(42L);
        assertThat(ParameterType.parse("int").convert(7)).isEqualTo(7L);
        assertThat(ParameterType.parse("float").convert("0.5")).isEqualTo(0.5);
        assertThat(ParameterType.parse("boolean").convert("false")).isEqualTo(false);
        assertThat(ParameterType.parse("date").convert("2026-03")).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ParameterType.parse("list<string>").convert("a, b,,c")).isEqualTo(List.of("a", "b", "c"));
        assertThat(ParameterType.parse("list<string>").convert(List.of("x", 1))).isEqualTo(List.of("x", "1"));
        assertThatThrownBy(() -> ParameterType.parse("date").convert("31/12/2026"))
                .hasMessage("must be a date (YYYY-MM-DD or YYYY-MM), not '31/12/2026'");
        assertThatThrownBy(() -> ParameterType.parse("enum(a|b)").convert("c")).hasMessage("must be one of a, b, not 'c'");
        assertThatThrownBy(() -> ParameterType.parse("float").convert("NaN")).hasMessage("must be a number, not 'NaN'");
        assertThatThrownBy(() -> ParameterType.parse("boolean").convert("maybe"))
                .hasMessage("must be true or false, not 'maybe'");
        assertThatThrownBy(() -> ParameterType.parse("int").convert(2.5)).hasMessage("must be a whole number, not '2.5'");
    }

    @Test
    void relativeDatesCountBackFromTheEndOfTheData() {
        var end = LocalDate.of(2026, 11, 1);
        assertThat(ReportDefaults.resolve("latest", end)).isEqualTo(end);
        assertThat(ReportDefaults.resolve("latest-12m", end)).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(ReportDefaults.isRelative("2026-01-01")).isFalse();
    }
}
