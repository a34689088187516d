package org.liaisonprm.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.liaisonprm.physician.Npi;

/**
 * The checks every format applies to its fields; each returns the clean value or throws
 * {@link RowRefused} naming the column, the value and the reason.
 */
final class Fields {

    /** Longer text is refused: no name, address or code in these files comes near it. */
    static final int MAX_TEXT = 500;

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("MM/dd/uuuu"), DateTimeFormatter.ofPattern("uuuuMMdd"));

    private Fields() {
    }

    static String npi(String column, String value) {
        String npi = value == null ? "" : value.strip();
        String problem = Npi.problem(npi);
        if (problem != null) {
            throw new RowRefused(column, value, problem);
        }
        return npi;
    }

    /** A text that must be present. */
    static String required(String column, String value) {
        String text = text(column, value);
        if (text == null) {
            throw new RowRefused(column, value, column + " is empty");
        }
        return text;
    }

    /** A text that may be empty (then null), never longer than {@link #MAX_TEXT}. */
    static String text(String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw new RowRefused(column, value, column + " is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    /** A non-negative whole number that must be present. */
    static long count(String column, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new RowRefused(column, value, column + " is empty");
        }
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RowRefused(column, value, column + " is not a whole number");
        }
        if (n < 0) {
            throw new RowRefused(column, value, column + " is negative");
        }
        return n;
    }

    /** A non-negative whole number, or null when empty. */
    static Long optionalCount(String column, String value) {
        return value == null || value.isBlank() ? null : count(column, value);
    }

    /** A non-negative decimal number, or null when empty. */
    static Double optionalDecimal(String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new RowRefused(column, value, column + " is not a number");
        }
        if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            throw new RowRefused(column, value, column + " is negative");
        }
        return d;
    }

    /** A date as {@code 2024-03-31}, {@code 03/31/2024}, {@code 20240331} or the date of an ISO timestamp. */
    static LocalDate date(String column, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new RowRefused(column, value, column + " is empty");
        }
        if (text.length() > 10 && text.charAt(10) == 'T') {
            text = text.substring(0, 10);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException next) {
                // try the next layout
            }
        }
        throw new RowRefused(column, value, column + " is not a date (expected YYYY-MM-DD)");
    }

    /** A date, or null when empty. */
    static LocalDate optionalDate(String column, String value) {
        return value == null || value.isBlank() ? null : date(column, value);
    }

    /** A five-digit ZIP code from a 5- or 9-digit one, or null when empty. */
    static String zip(String column, String value) {
        String text = text(column, value);
        if (text == null) {
            return null;
        }
        String digits = text.replace("-", "");
        if (!digits.chars().allMatch(Character::isDigit) || (digits.length() != 5 && digits.length() != 9)) {
            throw new RowRefused(column, value, column + " is not a 5- or 9-digit ZIP code");
        }
        return digits.substring(0, 5);
    }
}
