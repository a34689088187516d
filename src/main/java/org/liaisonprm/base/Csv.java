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
 * line break). Text that a spreadsheet would evaluate as a formula is prefixed with an apostrophe
 * ({@link #neutralised}); numbers are written plainly ({@link #plain}), so negative numbers stay numbers.
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
        if (value instanceof Number number) {
            return plain(number);
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        String text = neutralised(text(value));
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * A number as a spreadsheet reads it: digits with a decimal point, never scientific notation
     * ({@code 41790000}, not {@code 4.179E7}); a whole number has no {@code .0}; not-a-number is empty.
     */
    public static String plain(Number number) {
        if (number instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        return number.toString();
    }

    /**
     * The text with an apostrophe in front when a spreadsheet could take it for a formula (OWASP's advice on
     * CSV injection): it starts with a tab or carriage return, or its first character after any spaces, tabs
     * and line breaks is {@code =}, {@code +}, {@code -} or {@code @}. Spreadsheets skip such leading blanks
     * before they look for a formula.
     */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.charAt(0) == '\t' || text.charAt(0) == '\r') {
            return "'" + text;
        }
        int first = 0;
        while (first < text.length() && " \t\r\n".indexOf(text.charAt(first)) >= 0) {
            first++;
        }
        return first < text.length() && "=+-@".indexOf(text.charAt(first)) >= 0 ? "'" + text : text;
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
