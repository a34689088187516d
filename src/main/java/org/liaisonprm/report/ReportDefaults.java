package org.liaisonprm.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date defaults relative to the data: {@code latest} is the first day after the latest month holding
 * referrals, {@code latest-12m} twelve months before it. So "the last 12 months present in the graph" is
 * {@code from = latest-12m}, {@code to = latest}.
 */
final class ReportDefaults {

    private static final Pattern RELATIVE = Pattern.compile("latest(?:-(\\d+)m)?");

    private ReportDefaults() {
    }

    static boolean isRelative(String value) {
        return RELATIVE.matcher(value.strip()).matches();
    }

    static LocalDate resolve(String value, LocalDate dataEnd) {
        Matcher m = RELATIVE.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a relative date: " + value);
        }
        return m.group(1) == null ? dataEnd : dataEnd.minusMonths(Long.parseLong(m.group(1)));
    }
}
