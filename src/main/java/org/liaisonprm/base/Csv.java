package org.liaisonprm.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break). A text that starts with {@code =}, {@code +}, {@code -} or {@code @} is prefixed with an
 * apostrophe so that spreadsheets show it instead of evaluating it as a formula; numbers are written as
 * they are.
 */
public final class Csv {

    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    public Csv row(List<?> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(values.get(i)));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value as a CSV field. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = text(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> map) {
            // a node or relationship from a report: its name when it has one, else its id
            Object name = map.containsKey("name") ? map.get("name") : map.get("_id");
            return name != null ? name.toString() : map.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Csv::text).collect(Collectors.joining("; "));
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }
}
