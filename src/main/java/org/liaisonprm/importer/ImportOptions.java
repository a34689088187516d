package org.liaisonprm.importer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an import may be told besides the file and format (docs/import-formats.md):
 *
 * @param states          keep only providers located in these states (NPPES, POS, hospitals); empty keeps all
 * @param windowDays      the shared-patient window: the file's for {@code shared-patients}, the one referrals
 *                        are derived with for {@code encounters} and {@code synthea} (default 30)
 * @param periodStart     first day of the period a referral file covers (inclusive)
 * @param periodEnd       the day after it (exclusive)
 * @param minTransactions hop teaming: rows with fewer transactions are skipped
 * @param maxDayWait      hop teaming: rows with a longer average wait are skipped
 * @param refuseUnknown   refuse rows naming an NPI the graph does not hold instead of creating a stub
 * @param onlyKnown       referral files: skip rows of which neither provider is in the graph as a physician that
 *                        is not a stub, or a practice
 */
public record ImportOptions(Set<String> states, int windowDays, LocalDate periodStart, LocalDate periodEnd,
                            Long minTransactions, Double maxDayWait, boolean refuseUnknown, boolean onlyKnown) {

    public static final ImportOptions DEFAULTS = new ImportOptions(Set.of(), 30, null, null, null, null, false, false);

    /** The option names {@link #parse} understands: those of {@link ImportOption}. */
    public static final Set<String> NAMES = Arrays.stream(ImportOption.values()).map(ImportOption::id)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Reads options as given on the command line or in the API ({@code state=MA,NH}, {@code period=2015},
     * {@code from=2015-01-01}, {@code to=2016-01-01} (exclusive), {@code window-days=30},
     * {@code min-transactions=50}, {@code max-day-wait=50}, {@code unknown-npi=stub|refuse},
     * {@code only-known-npis=true|false}).
     *
     * @throws ImportRefusedException for a value that does not parse
     */
    public static ImportOptions parse(Map<String, String> options) {
        var given = new LinkedHashMap<String, String>();
        options.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                given.put(k, v.strip());
            }
        });
        var states = new TreeSet<String>();
        if (given.containsKey("state")) {
            Arrays.stream(given.get("state").split(",")).map(s -> s.strip().toUpperCase())
                    .filter(s -> !s.isEmpty()).forEach(states::add);
        }
        int window = (int) number(given, "window-days", 30);
        if (window < 1 || window > 3660) {
            throw new ImportRefusedException("--window-days must be between 1 and 3660");
        }
        LocalDate start = null;
        LocalDate end = null;
        if (given.containsKey("period")) {
            String period = given.get("period");
            if (!period.matches("\\d{4}")) {
                throw new ImportRefusedException("--period must be a year such as 2015, not " + period);
            }
            start = LocalDate.of(Integer.parseInt(period), 1, 1);
            end = start.plusYears(1);
        }
        if (given.containsKey("from") || given.containsKey("to")) {
            start = date(given, "from");
            end = date(given, "to");
            if (start == null || end == null || !end.isAfter(start)) {
                throw new ImportRefusedException("--from and --to must both be given, --to after --from");
            }
        }
        String unknown = given.getOrDefault("unknown-npi", "stub");
        if (!unknown.equals("stub") && !unknown.equals("refuse")) {
            throw new ImportRefusedException("--unknown-npi must be stub or refuse, not " + unknown);
        }
        Long min = given.containsKey("min-transactions") ? number(given, "min-transactions", 0) : null;
        Double wait = null;
        if (given.containsKey("max-day-wait")) {
            try {
                wait = Double.parseDouble(given.get("max-day-wait"));
            } catch (NumberFormatException e) {
                throw new ImportRefusedException("--max-day-wait must be a number");
            }
        }
        String onlyKnown = given.getOrDefault("only-known-npis", "false").toLowerCase(java.util.Locale.ROOT);
        if (!onlyKnown.equals("true") && !onlyKnown.equals("false")) {
            throw new ImportRefusedException("--only-known-npis is given without a value (true or false in the API), not "
                    + given.get("only-known-npis"));
        }
        return new ImportOptions(Set.copyOf(states), window, start, end, min, wait, unknown.equals("refuse"),
                onlyKnown.equals("true"));
    }

    /**
     * Reads the options among form fields (the API's multipart fields, the Import page's): fields that are not
     * option names ({@link #NAMES}) are left out, the rest go to {@link #parse}.
     *
     * @throws ImportRefusedException for a value that does not parse
     */
    public static ImportOptions fromFields(Map<String, String> fields) {
        var options = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> {
            if (NAMES.contains(name)) {
                options.put(name, value);
            }
        });
        return parse(options);
    }

    /** The options as text, for the audit trail and the import history. */
    public Map<String, Object> describe() {
        var out = new LinkedHashMap<String, Object>();
        if (!states.isEmpty()) {
            out.put("state", String.join(",", states));
        }
        out.put("window-days", windowDays);
        if (periodStart != null) {
            out.put("from", periodStart.toString());
            out.put("to", periodEnd.toString());
        }
        if (minTransactions != null) {
            out.put("min-transactions", minTransactions);
        }
        if (maxDayWait != null) {
            out.put("max-day-wait", maxDayWait);
        }
        out.put("unknown-npi", refuseUnknown ? "refuse" : "stub");
        if (onlyKnown) {
            out.put("only-known-npis", true);
        }
        return out;
    }

    private static long number(Map<String, String> given, String name, long fallback) {
        if (!given.containsKey(name)) {
            return fallback;
        }
        try {
            long n = Long.parseLong(given.get(name));
            if (n < 0) {
                throw new ImportRefusedException("--" + name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ImportRefusedException("--" + name + " must be a whole number, not " + given.get(name));
        }
    }

    private static LocalDate date(Map<String, String> given, String name) {
        if (!given.containsKey(name)) {
            return null;
        }
        try {
            return LocalDate.parse(given.get(name));
        } catch (DateTimeParseException e) {
            throw new ImportRefusedException("--" + name + " must be a date such as 2015-01-01");
        }
    }
}
