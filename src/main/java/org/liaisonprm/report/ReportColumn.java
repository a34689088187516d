package org.liaisonprm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.liaisonprm.base.Csv;
import org.liaisonprm.base.Vocabulary;

/**
 * How a report's column is shown: its label and its format, declared in the report file
 * ({@code // @column leakageRate: Leakage rate | percent}, docs/reports.md) or worked out from the values.
 * The name stays the machine name, used by the API and in the Cypher.
 *
 * @param kind for {@link Format#CODE}, the vocabulary kind whose labels the values are shown by
 *             ({@link Vocabulary}, e.g. {@code network})
 */
public record ReportColumn(String name, String label, Format format, String kind) {

    /** How a column's values read. */
    public enum Format {
        /** As it is. */
        TEXT,
        /** A whole number with thousands separators. */
        COUNT,
        /** A number with up to two decimals. */
        NUMBER,
        /** A share between 0 and 1, shown as a percentage. */
        PERCENT,
        /** An amount in US dollars. */
        CURRENCY,
        /** A date or a date and time. */
        DATE,
        /** A code shown by its label from the vocabulary. */
        CODE;

        static Optional<Format> named(String word) {
            for (Format format : values()) {
                if (format != CODE && format.name().equalsIgnoreCase(word)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** What a report file may write after the label: a format, or a vocabulary kind for codes. */
    static List<String> formatWords() {
        var words = new ArrayList<String>();
        for (Format format : Format.values()) {
            if (format != Format.CODE) {
                words.add(format.name().toLowerCase(Locale.ROOT));
            }
        }
        words.addAll(Vocabulary.kinds().keySet());
        return words;
    }

    /** A declared column: {@code format} is a format's word or a vocabulary kind; null infers it. */
    static ReportColumn declared(String name, String label, String format) {
        if (format == null || format.isBlank()) {
            return new ReportColumn(name, label, null, null);
        }
        String word = format.strip().toLowerCase(Locale.ROOT);
        var named = Format.named(word);
        if (named.isPresent()) {
            return new ReportColumn(name, label, named.get(), null);
        }
        if (Vocabulary.kinds().containsKey(word)) {
            return new ReportColumn(name, label, Format.CODE, word);
        }
        throw new IllegalArgumentException("'" + format.strip() + "' is not a column format: use one of "
                + String.join(", ", formatWords()));
    }

    /**
     * The columns of a result as they are shown: the report's declaration for a column when it has one,
     * otherwise a label (the name in words for a built-in report, the name as written for ad-hoc and saved
     * Cypher, whose author chose it) and a format worked out from the values.
     */
    public static List<ReportColumn> of(ReportDefinition report, ReportResult result) {
        return of(report, result, report != null && !report.isSaved());
    }

    /**
     * @param inWords undeclared columns are labelled by their name in words (built-in reports) rather than by
     *                the name as written (an analyst's own Cypher)
     */
    public static List<ReportColumn> of(ReportDefinition report, ReportResult result, boolean inWords) {
        var shown = new ArrayList<ReportColumn>();
        for (int i = 0; i < result.columns().size(); i++) {
            String name = result.columns().get(i);
            ReportColumn declared = report == null ? null : report.column(name).orElse(null);
            String label = declared != null ? declared.label() : inWords ? Vocabulary.humanise(name) : name;
            if (declared != null && declared.format() != null) {
                shown.add(declared);
            } else {
                shown.add(inferred(name, label, result, i));
            }
        }
        return shown;
    }

    private static ReportColumn inferred(String name, String label, ReportResult result, int index) {
        boolean numbers = false;
        boolean fractions = false;
        boolean dates = false;
        var texts = new HashSet<String>();
        boolean other = false;
        for (List<Object> row : result.rows()) {
            Object value = row.get(index);
            if (value == null) {
                continue;
            }
            if (value instanceof Long || value instanceof Integer) {
                numbers = true;
            } else if (value instanceof Double) {
                numbers = true;
                fractions = true;
            } else if (value instanceof TemporalAccessor) {
                dates = true;
            } else if (value instanceof String text) {
                texts.add(text);
            } else {
                other = true;
            }
        }
        if (numbers && texts.isEmpty() && !dates && !other) {
            return new ReportColumn(name, label, fractions ? Format.NUMBER : Format.COUNT, null);
        }
        if (dates && !numbers && texts.isEmpty() && !other) {
            return new ReportColumn(name, label, Format.DATE, null);
        }
        if (!texts.isEmpty() && !numbers && !dates && !other) {
            var kind = Vocabulary.kindHolding(texts);
            if (kind.isPresent()) {
                return new ReportColumn(name, label, Format.CODE, kind.get());
            }
        }
        return new ReportColumn(name, label, Format.TEXT, null);
    }

    /** The header of the column in a CSV file: its label, with the unit for percentages and money. */
    public String csvHeader() {
        return switch (format == null ? Format.TEXT : format) {
            case PERCENT -> label + " (%)";
            case CURRENCY -> label + " ($)";
            default -> label;
        };
    }

    /** A value as the results grid shows it. */
    public String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(this::cell).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            Object name = map.containsKey("name") ? map.get("name") : map.get("_id");
            return String.valueOf(name);
        }
        Format shown = format == null ? Format.TEXT : format;
        if (value instanceof Number number && shown == Format.TEXT) {
            return Csv.plain(number);
        }
        if (value instanceof Number number) {
            return switch (shown) {
                case PERCENT -> "%.1f %%".formatted(number.doubleValue() * 100);
                case CURRENCY -> "$%,.0f".formatted(number.doubleValue());
                case COUNT -> "%,d".formatted(Math.round(number.doubleValue()));
                default -> number(number);
            };
        }
        if (shown == Format.CODE && value instanceof String code) {
            return Vocabulary.label(kind, code).orElse(code);
        }
        return value.toString();
    }

    /** A value as a CSV file holds it: plain numbers (percentages as percent), codes by their label. */
    public Object csvValue(Object value) {
        if (value == null) {
            return null;
        }
        Format shown = format == null ? Format.TEXT : format;
        if (value instanceof Number number && !(value instanceof Long || value instanceof Integer)) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return switch (shown) {
                case PERCENT -> BigDecimal.valueOf(d * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
                case CURRENCY -> BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
                case COUNT -> BigDecimal.valueOf(Math.round(d));
                default -> BigDecimal.valueOf(d);
            };
        }
        if (value instanceof Number number && shown == Format.PERCENT) {
            return BigDecimal.valueOf(number.longValue() * 100);
        }
        if (shown == Format.CODE && value instanceof String code) {
            return Vocabulary.label(kind, code).orElse(code);
        }
        if (value instanceof Collection<?> items && shown == Format.CODE) {
            return items.stream().map(this::csvValue).toList();
        }
        return value;
    }

    /** Writes a result as CSV: labelled headers, then each row's values as {@link #csvValue} gives them. */
    public static void csv(Csv csv, List<ReportColumn> columns, ReportResult result) {
        csv.row(columns.stream().map(ReportColumn::csvHeader).toList());
        for (List<Object> row : result.rows()) {
            var values = new ArrayList<Object>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(columns.get(i).csvValue(row.get(i)));
            }
            csv.row(values);
        }
    }

    private static String number(Number number) {
        if (number instanceof Long || number instanceof Integer) {
            return "%,d".formatted(number.longValue());
        }
        double d = number.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return "%,.0f".formatted(d);
        }
        return "%,.2f".formatted(d);
    }
}
