package org.liaisonprm.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The type of a report parameter, as declared in a report file: {@code string}, {@code int},
 * {@code float}, {@code boolean}, {@code date}, {@code enum(a|b|c)} or {@code list<string>}.
 *
 * @param kind   the base type
 * @param values the allowed values of an {@code enum}
 */
public record ParameterType(Kind kind, List<String> values) {

    public enum Kind { STRING, INT, FLOAT, BOOLEAN, DATE, ENUM, STRING_LIST }

    public ParameterType {
        values = List.copyOf(values);
    }

    /** Reads a declared type; throws {@link IllegalArgumentException} saying what is wrong. */
    public static ParameterType parse(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "string" -> new ParameterType(Kind.STRING, List.of());
            case "int", "integer" -> new ParameterType(Kind.INT, List.of());
            case "float", "number" -> new ParameterType(Kind.FLOAT, List.of());
            case "boolean" -> new ParameterType(Kind.BOOLEAN, List.of());
            case "date" -> new ParameterType(Kind.DATE, List.of());
            case "list<string>" -> new ParameterType(Kind.STRING_LIST, List.of());
            default -> {
                if (lower.startsWith("enum(") && t.endsWith(")")) {
                    var values = Arrays.stream(t.substring(5, t.length() - 1).split("\\|"))
                            .map(String::strip).filter(v -> !v.isEmpty()).toList();
                    if (values.isEmpty()) {
                        throw new IllegalArgumentException("enum() needs at least one value");
                    }
                    yield new ParameterType(Kind.ENUM, values);
                }
                throw new IllegalArgumentException("unknown parameter type '" + t
                        + "' (string, int, float, boolean, date, enum(a|b), list<string>)");
            }
        };
    }

    /** The name used in report files and the API. */
    public String label() {
        return switch (kind) {
            case STRING -> "string";
            case INT -> "int";
            case FLOAT -> "float";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case ENUM -> "enum(" + String.join("|", values) + ")";
            case STRING_LIST -> "list<string>";
        };
    }

    /**
     * Converts a value from a form, a URL or JSON to what Cypher receives.
     *
     * @throws IllegalArgumentException with the reason when the value does not fit
     */
    public Object convert(Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case STRING -> value.toString();
            case INT -> toLong(value);
            case FLOAT -> toDouble(value);
            case BOOLEAN -> toBoolean(value);
            case DATE -> toDate(value);
            case ENUM -> {
                String s = value.toString().strip();
                if (!values.contains(s)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", values) + ", not '" + s + "'");
                }
                yield s;
            }
            case STRING_LIST -> toList(value);
        };
    }

    private static long toLong(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + value + "'");
        }
    }

    private static double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            double d = Double.parseDouble(value.toString().strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number, not '" + value + "'");
        }
    }

    private static boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + value + "'");
        };
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        String s = value.toString().strip();
        try {
            // a month (2026-03) means its first day
            return s.length() == 7 ? LocalDate.parse(s + "-01") : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date (YYYY-MM-DD or YYYY-MM), not '" + s + "'");
        }
    }

    private static List<String> toList(Object value) {
        var list = new ArrayList<String>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> list.add(String.valueOf(item)));
        } else {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    list.add(part.strip());
                }
            }
        }
        return list;
    }
}
