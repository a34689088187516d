package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanExportTests {

    private static final VisitPlan PLAN = new VisitPlan("p1", "lee", LocalDate.of(2026, 3, 16), "02169", 42.25, -71.0,
            List.of(new VisitPlan.Stop(1, "1234567893", "Ann Lee, MD", "Physician", "Family Medicine", "1 Main St, Suite 2",
                            "Quincy", "02169", 42.25, -71.0, "address", LocalDateTime.of(2026, 3, 16, 9, 0), false, null, false),
                    new VisitPlan.Stop(2, "1234567894", "=Bob; \"the\" builder\nsecond line " + "x".repeat(80), "Physician",
                            null, null, "Quincy", "02169", 42.26, -71.01, "ZIP centre",
                            LocalDateTime.of(2026, 3, 16, 10, 30), true, "i1", false)),
            3.2);

    @Test
    void icsHasOneEventPerStopWithEscapedFoldedText() {
        String ics = PlanExport.ics(PLAN, 45, Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(ics).contains("DTSTART:20260316T090000\r\nDTEND:20260316T094500\r\n");
        assertThat(ics).contains("LOCATION:1 Main St\\, Suite 2\\, Quincy\\, 02169\r\n");
        assertThat(ics).contains("SUMMARY:Visit: =Bob\\; \"the\" builder\\nsecond line");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        // unfolding gives back the long summary
        assertThat(ics.replace("\r\n ", "")).contains("second line " + "x".repeat(80));
    }

    @Test
    void icsParsesAsICalendar() throws Exception {
        var calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(PlanExport.ics(PLAN, 45, Instant.parse("2026-03-10T12:00:00Z"))));
        var events = calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getSummary().getValue()).isEqualTo("Visit: =Bob; \"the\" builder\nsecond line " + "x".repeat(80));
        assertThat(events.get(0).getLocation().getValue()).isEqualTo("1 Main St, Suite 2, Quincy, 02169");
    }

    @Test
    void icsTextIsEscapedAndNeutralisedWhateverTheStopHolds() throws Exception {
        var hostile = new VisitPlan("p2", "lee", LocalDate.of(2026, 3, 16), "02169", 42.25, -71.0,
                List.of(new VisitPlan.Stop(1, "1234567893", "Eve\rBEGIN:VEVENT\r\nSUMMARY:injected", "Physician",
                        "\t=HYPERLINK(\"http://x\")", "\t=HYPERLINK(\"http://x\",\"y\")", "\\server\\share; a, b",
                        "02169", 42.25, -71.0, "address", LocalDateTime.of(2026, 3, 16, 9, 0), false, null, false)),
                1.0);
        String ics = PlanExport.ics(hostile, 45, Instant.parse("2026-03-10T12:00:00Z"));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.lines().filter(line -> line.startsWith("BEGIN:") || line.startsWith("SUMMARY:")))
                .as("a lone carriage return starts no line").containsExactly("BEGIN:VCALENDAR", "BEGIN:VEVENT",
                        "SUMMARY:Visit: Eve\\nBEGIN:VEVENT\\nSUMMARY:injected");
        assertThat(unfolded).contains("SUMMARY:Visit: Eve\\nBEGIN:VEVENT\\nSUMMARY:injected\r\n");
        assertThat(unfolded).contains("LOCATION:'\t=HYPERLINK(\"http://x\"\\,\"y\")\\, \\\\server\\\\share\\; a\\, b\\, 02169\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line).doesNotContain("\r").doesNotContain("\n");
        }

        var calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics));
        var events = calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getLocation().getValue())
                .isEqualTo("'\t=HYPERLINK(\"http://x\",\"y\"), \\server\\share; a, b, 02169");
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("Visit: Eve\nBEGIN:VEVENT\nSUMMARY:injected");
    }

    @Test
    void icsNeutralisesAFieldThatStartsWithAFormula() {
        assertThat(PlanExport.text("=1+1")).isEqualTo("'=1+1");
        assertThat(PlanExport.text("\r=1+1")).isEqualTo("'\\n=1+1");
        assertThat(PlanExport.text(" @SUM(1)")).isEqualTo("' @SUM(1)");
        assertThat(PlanExport.text("-1+1")).isEqualTo("'-1+1");
        assertThat(PlanExport.text("Stop 1 of 2 · -1")).isEqualTo("Stop 1 of 2 · -1");
        assertThat(PlanExport.text("a\u0000b\u0007c")).as("other control characters are not TEXT").isEqualTo("abc");
    }

    @Test
    void csvIsSpreadsheetSafe() {
        String csv = PlanExport.csv(PLAN);
        assertThat(csv.split("\r\n")[0]).isEqualTo("order,plannedAt,id,name,kind,specialty,address,city,zip,lat,lon,located,done");
        assertThat(csv).contains("1,2026-03-16T09:00,1234567893,\"Ann Lee, MD\",Physician");
        assertThat(csv).contains("\"'=Bob; \"\"the\"\" builder");
    }
}
