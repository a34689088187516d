package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Reading the outreach endpoints' values: enum names in any case, dates as YYYY-MM-DD; refusals name the field. */
final class ApiValues {

    private ApiValues() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OutreachException(field, "one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    /** The date, or null for none. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new OutreachException(field, "a date as YYYY-MM-DD, not '" + value + "'");
        }
    }
}
