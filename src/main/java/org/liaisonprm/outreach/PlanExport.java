package org.liaisonprm.outreach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.liaisonprm.base.Csv;

/**
 * A visit plan as an iCalendar file (RFC 5545, one event per stop) and as CSV.
 */
public final class PlanExport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private PlanExport() {
    }

    /**
     * The plan as an iCalendar text: one {@code VEVENT} per stop at its planned local time, lasting
     * {@code visitMinutes}.
     */
    public static String ics(VisitPlan plan, int visitMinutes, Instant now) {
        var lines = new ArrayList<String>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Liaison//Visit plan//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        lines.add("X-WR-CALNAME:" + text("Visits, week of " + plan.weekStart()));
        for (var stop : plan.stops()) {
            LocalDateTime start = stop.plannedAt();
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + plan.id() + "-" + stop.order() + "@liaison");
            lines.add("DTSTAMP:" + UTC.format(now));
            lines.add("DTSTART:" + LOCAL.format(start));
            lines.add("DTEND:" + LOCAL.format(start.plusMinutes(visitMinutes)));
            lines.add("SUMMARY:" + text("Visit: " + stop.name()));
            String where = String.join(", ", nonBlank(stop.address(), stop.city(), stop.zip()));
            if (!where.isEmpty()) {
                lines.add("LOCATION:" + text(where));
            }
            lines.add("GEO:" + stop.lat() + ";" + stop.lon());
            lines.add("DESCRIPTION:" + text("Stop " + stop.order() + " of " + plan.stops().size()
                    + (stop.specialty() == null ? "" : " · " + stop.specialty()) + " · " + stop.kind() + " " + stop.targetId()));
            lines.add("STATUS:" + (stop.done() ? "CONFIRMED" : "TENTATIVE"));
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        var out = new StringBuilder();
        for (String line : lines) {
            out.append(fold(line)).append("\r\n");
        }
        return out.toString();
    }

    /** The plan as CSV, one row per stop in route order. */
    public static String csv(VisitPlan plan) {
        var text = new java.io.StringWriter();
        var csv = new Csv(text);
        csv.row(List.of("order", "plannedAt", "id", "name", "kind", "specialty", "address", "city", "zip",
                "lat", "lon", "located", "done"));
        for (var stop : plan.stops()) {
            csv.row(List.of(stop.order(), stop.plannedAt().toString(), stop.targetId(), nullToEmpty(stop.name()),
                    stop.kind(), nullToEmpty(stop.specialty()), nullToEmpty(stop.address()), nullToEmpty(stop.city()),
                    nullToEmpty(stop.zip()), stop.lat(), stop.lon(), stop.located(), stop.done()));
        }
        return text.toString();
    }

    /**
     * A TEXT value (RFC 5545, 3.3.11): a formula prefix neutralised as in CSV (calendars are exported to
     * spreadsheets too), backslash, semicolon and comma escaped, every line break (CRLF, CR or LF) written as
     * {@code \n}, and other control characters, which TEXT does not allow, left out.
     */
    static String text(String value) {
        String neutral = Csv.neutralised(value);
        var out = new StringBuilder(neutral.length() + 8);
        for (int i = 0; i < neutral.length(); i++) {
            char c = neutral.charAt(i);
            switch (c) {
                case '\\', ';', ',' -> out.append('\\').append(c);
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < neutral.length() && neutral.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Folds a content line at 75 octets (UTF-8), continuation lines starting with a space. */
    static String fold(String line) {
        var out = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static List<String> nonBlank(String... values) {
        var list = new ArrayList<String>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                list.add(v);
            }
        }
        return list;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
