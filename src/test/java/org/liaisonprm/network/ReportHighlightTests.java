package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.report.ParameterType;
import org.liaisonprm.report.ReportDefinition;
import org.liaisonprm.report.ReportParameter;
import org.liaisonprm.report.ReportResult;

/** A report's rows read into what the explorer highlights, on hand-made rows and pictures. */
class ReportHighlightTests {

    private static final NetworkPicture PICTURE = new NetworkPicture("A", LocalDate.of(2025, 6, 1),
            LocalDate.of(2026, 6, 1), List.of(node("A"), node("B"), node("C"), node("D")), List.of(), false);

    private static NetworkPicture.Node node(String id) {
        return new NetworkPicture.Node(id, NetworkPicture.Kind.PHYSICIAN, id, null, null, "IN", null, 0);
    }

    private static Map<String, Object> graphNode(String id) {
        return Map.of("_type", "node", "_id", id, "_labels", List.of("Physician"));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static ReportParameter parameter(String name) {
        return new ReportParameter(name, new ParameterType(ParameterType.Kind.DATE, List.of()), null, null);
    }

    @Test
    void thePictureGivesTheReportItsMonths() {
        var report = new ReportDefinition("r", "R", "", "Network", ReportDefinition.View.TABLE,
                List.of(parameter("from"), parameter("minReferrals"), parameter("to")), List.of(), false, "RETURN 1", null);
        assertThat(ReportHighlight.parameters(report, PICTURE)).isEqualTo(Map.of("from", "2025-06-01",
                "to", "2026-06-01"));
        var undated = new ReportDefinition("u", "U", "", "Network", ReportDefinition.View.TABLE,
                List.of(parameter("window")), List.of(), false, "RETURN 1", null);
        assertThat(ReportHighlight.parameters(undated, PICTURE)).isEmpty();
    }

    @Test
    void eachRowNamesItsNodesInColumnOrder() {
        var result = new ReportResult(List.of("start", "physicianId", "name", "end", "id", "path"), List.of(
                row(graphNode("A"), "B", "Dr B", graphNode("C"), "D", Map.of("_type", "path")),
                row(null, null, "nobody", Map.of("_type", "relationship", "_id", "r1"), 42L, null),
                row(graphNode("X"), "A", "Dr A", null, null, null)), false, 3);
        assertThat(ReportHighlight.paths(result)).containsExactly(List.of("A", "B", "C", "D"), List.of(),
                List.of("X", "A"));
    }

    @Test
    void onlyDrawnNodesAndFlowsBetweenDrawnNeighboursStandOut() {
        var marked = ReportHighlight.among(List.of(List.of("B", "A", "X", "C"), List.of("D"), List.of("C", "D"),
                List.of()), PICTURE);
        assertThat(marked.nodes()).containsExactly("B", "A", "C", "D");
        assertThat(marked.edges()).as("X is not drawn: A and C are not neighbours in the path")
                .containsExactly(List.of("B", "A"), List.of("C", "D"));
        assertThat(ReportHighlight.among(List.of(List.of("X", "Y")), PICTURE)).isEqualTo(ReportHighlight.NONE);
    }
}
