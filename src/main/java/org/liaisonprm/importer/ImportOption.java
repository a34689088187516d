package org.liaisonprm.importer;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an import may be told besides the file and the format, by the names the command line and the API
 * use. Which formats take which option is {@link ImportFormat#options()}; {@link ImportOptions} reads the
 * values.
 */
public enum ImportOption {
    STATE("state", "MA[,NH…]", "all states", "keep only providers located in these states"),
    PERIOD("period", "YYYY", "required, or --from and --to", "the year the file covers"),
    FROM("from", "YYYY-MM-DD", "", "first day of the period the file covers, with --to"),
    TO("to", "YYYY-MM-DD", "", "the day after that period (exclusive)"),
    WINDOW_DAYS("window-days", "N", "30", "the shared-patient window, in days"),
    MIN_TRANSACTIONS("min-transactions", "N", "keep all", "skip pairs with fewer transactions"),
    MAX_DAY_WAIT("max-day-wait", "N", "keep all", "skip pairs with a longer average wait, in days"),
    UNKNOWN_NPI("unknown-npi", "stub|refuse", "stub", "an NPI not in the graph: a stub physician, or the row refused"),
    ONLY_KNOWN_NPIS("only-known-npis", null, "keep all",
            "keep only rows naming a provider the graph knows: a registry physician or a practice");

    private final String id;
    private final String value;
    private final String byDefault;
    private final String meaning;

    ImportOption(String id, String value, String byDefault, String meaning) {
        this.id = id;
        this.value = value;
        this.byDefault = byDefault;
        this.meaning = meaning;
    }

    /** The contract name: {@code --state=} on the command line, {@code state} in the API. */
    public String id() {
        return id;
    }

    /** How a value is written, e.g. {@code YYYY}; null for a flag, given without a value. */
    public String value() {
        return value;
    }

    /** Given without a value on the command line ({@code --only-known-npis}); {@code true} in the API. */
    public boolean flag() {
        return value == null;
    }

    /** How help shows it: {@code --state=MA[,NH…]}, {@code --only-known-npis}. */
    public String usage() {
        return "--" + id + (value == null ? "" : "=" + value);
    }

    /** What applies when the option is not given, as help shows it; empty when nothing needs saying. */
    public String byDefault() {
        return byDefault;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ImportOption> byId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }
}
