package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The arguments of {@code import}, checked before anything is read: the command's own ({@link Own}), the
 * options the chosen format takes ({@link ImportFormat#options()}) and settings of the application
 * ({@code --liaison.…}, {@code --spring.…}), which go to Spring. Anything else is refused, naming it and the
 * nearest valid option, so that a typo such as {@code --states=MA} cannot quietly load every state.
 *
 * @param format   as given; {@code auto} until the file's first line is read ({@link #checkedFor})
 * @param file     null when not given
 * @param errors   the error report, null for the default
 * @param options  the format's options by name, as given
 * @param settings application settings, passed to Spring as they were given
 */
record ImportArguments(ImportFormat format, Path file, Path errors, boolean dryRun, boolean help, boolean bulk,
                       Map<String, String> options, List<String> settings) {

    /** The command's own options, whichever the format. */
    enum Own {
        FILE("file", "PATH", "the file to import; a directory for synthea"),
        FORMAT("format", "FORMAT", "one of the formats below; default auto"),
        ERRORS("errors", "PATH", "where the refused rows are reported; default PATH.errors.csv"),
        DRY_RUN("dry-run", null, "read and check the whole file as an import would; write nothing"),
        BULK("bulk", null, "the first load of a new, empty embedded store, by the offline importer (below)"),
        HELP("help", null, "this text");

        final String id;
        final String value;
        final String meaning;

        Own(String id, String value, String meaning) {
            this.id = id;
            this.value = value;
            this.meaning = meaning;
        }

        /** How help shows it: {@code --file=PATH}, {@code --dry-run}. */
        String usage() {
            return "--" + id + (value == null ? "" : "=" + value);
        }

        static Optional<Own> byId(String id) {
            return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
        }
    }

    /** Prefixes of the application's settings, the only other arguments the command accepts. */
    static final List<String> SETTINGS = List.of("liaison.", "spring.");

    /** Edit distance up to which an unknown name is taken for a misspelling of a known one. */
    private static final int NEAR = 3;

    /**
     * Reads the command line.
     *
     * @throws ImportRefusedException naming the first argument that is not valid for the format given
     */
    static ImportArguments parse(String... args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            return new ImportArguments(ImportFormat.AUTO, null, null, false, true, false, Map.of(), List.of());
        }
        var own = new LinkedHashMap<Own, String>();
        var options = new LinkedHashMap<String, String>();
        var settings = new ArrayList<String>();
        String unknown = null;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new ImportRefusedException(arg.startsWith("-")
                        ? "Unknown option " + arg + ": options are written --name=value. See import --help."
                        : "Unexpected argument " + arg + ": options are written --name=value; did you mean --file=" + arg
                        + "? See import --help.");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            String value = equals < 0 ? null : arg.substring(equals + 1);
            if (SETTINGS.stream().anyMatch(name::startsWith)) {
                settings.add(arg);
                continue;
            }
            Optional<Own> ownOption = Own.byId(name);
            Optional<ImportOption> option = ImportOption.byId(name);
            if (ownOption.isEmpty() && option.isEmpty()) {
                // refused once the format is known, with the nearest of its options
                unknown = unknown == null ? name : unknown;
                continue;
            }
            String usage = ownOption.map(Own::usage).orElseGet(() -> option.get().usage());
            boolean flag = ownOption.map(o -> o.value == null).orElseGet(() -> option.get().flag());
            if (flag && value != null) {
                throw new ImportRefusedException("--" + name + " takes no value: write " + usage);
            }
            if (!flag && (value == null || value.isBlank())) {
                throw new ImportRefusedException("--" + name + " needs a value: " + usage);
            }
            boolean repeated = ownOption.isPresent() ? own.put(ownOption.get(), flag ? "" : value) != null
                    : options.put(name, flag ? "true" : value) != null;
            if (repeated) {
                throw new ImportRefusedException("--" + name + " is given twice"
                        + (name.equals(ImportOption.STATE.id()) ? ": give several states as --state=MA,NH" : ""));
            }
        }
        ImportFormat format = ImportFormat.AUTO;
        if (own.containsKey(Own.FORMAT)) {
            String id = own.get(Own.FORMAT);
            format = ImportFormat.byId(id).orElseThrow(() -> new ImportRefusedException("Unknown format " + id
                    + nearest(id, ImportFormat.choices().stream().map(ImportFormat::id)).map(f -> ": did you mean " + f + "?")
                    .orElse(".") + " Formats: " + String.join(", ", ImportFormat.choices().stream().map(ImportFormat::id).toList())
                    + ". See import --help."));
        }
        if (unknown != null) {
            throw new ImportRefusedException(unknown(unknown, format));
        }
        return new ImportArguments(format, own.containsKey(Own.FILE) ? Path.of(own.get(Own.FILE)) : null,
                own.containsKey(Own.ERRORS) ? Path.of(own.get(Own.ERRORS)) : null, own.containsKey(Own.DRY_RUN),
                false, own.containsKey(Own.BULK), options, settings).checkedFor(format);
    }

    /**
     * The files of {@code import --bulk}, each with its own arguments: every {@code --file} begins a file, and the
     * options after it (up to the next {@code --file}) are that file's; those before the first {@code --file} are
     * the first file's. Settings, {@code --bulk} and {@code --dry-run} apply to every file.
     *
     * @throws ImportRefusedException naming the first argument that is not valid for its file's format
     */
    static List<ImportArguments> parseFiles(String... args) {
        var shared = new ArrayList<String>();
        var files = new ArrayList<List<String>>();
        var current = new ArrayList<String>();
        boolean fileSeen = false;
        for (String arg : args) {
            String name = arg.startsWith("--") ? arg.substring(2, arg.indexOf('=') < 0 ? arg.length() : arg.indexOf('=')) : "";
            if (SETTINGS.stream().anyMatch(name::startsWith) || name.equals(Own.BULK.id) || name.equals(Own.DRY_RUN.id)) {
                shared.add(arg);
                continue;
            }
            if (name.equals(Own.FILE.id)) {
                if (fileSeen) {
                    files.add(current);
                    current = new ArrayList<>();
                }
                fileSeen = true;
            }
            current.add(arg);
        }
        files.add(current);
        var parsed = new ArrayList<ImportArguments>();
        for (List<String> file : files) {
            var all = new ArrayList<>(file);
            all.addAll(shared);
            parsed.add(parse(all.toArray(String[]::new)));
        }
        return parsed;
    }

    /**
     * These arguments for {@code format} (the one given, or the one {@code auto} recognised): refused when
     * they name an option of another format, or lack one the format needs.
     *
     * @throws ImportRefusedException naming the option
     */
    ImportArguments checkedFor(ImportFormat format) {
        for (String name : options.keySet()) {
            ImportOption option = ImportOption.byId(name).orElseThrow();
            if (!format.options().contains(option)) {
                throw new ImportRefusedException("--" + name + " does not apply to " + format.id() + " (it is an option of "
                        + String.join(", ", formatsTaking(option)) + ")" + nearest(name, validNames(format))
                        .map(n -> ": did you mean --" + n + "?").orElse(".") + "\n" + validOptions(format));
            }
        }
        if (format.needsPeriod()) {
            boolean period = options.containsKey(ImportOption.PERIOD.id());
            boolean range = options.containsKey(ImportOption.FROM.id()) || options.containsKey(ImportOption.TO.id());
            if (!period && !range) {
                throw new ImportRefusedException(format.id() + " needs the period the file covers: --period=YYYY, "
                        + "or --from=YYYY-MM-DD and --to=YYYY-MM-DD");
            }
            if (period && range) {
                throw new ImportRefusedException("Give --period or --from and --to, not both");
            }
        }
        return new ImportArguments(format, file, errors, dryRun, help, bulk, options, settings);
    }

    /**
     * The format's options as the import takes them, read by the one parser of options ({@link ImportOptions#parse}),
     * as the API and the Import page read theirs.
     *
     * @throws ImportRefusedException for a value that does not parse
     */
    ImportOptions importOptions() {
        return ImportOptions.parse(options);
    }

    /**
     * Why an option no format knows is refused: its name, the nearest of the format's options (or of all
     * options when none of the format's is near) and the format's options.
     */
    private static String unknown(String name, ImportFormat format) {
        if (name.contains(".")) {
            String prefix = name.substring(0, name.indexOf('.') + 1);
            String suggestion = nearest(prefix, SETTINGS.stream())
                    .map(p -> ": did you mean --" + p + name.substring(prefix.length()) + "?").orElse(".");
            return "Unknown option --" + name + suggestion + " Settings of the application are given as --liaison.… "
                    + "or --spring.…; see import --help.";
        }
        Optional<String> near = nearest(name, validNames(format)).or(() -> nearest(name, Stream.concat(
                Arrays.stream(ImportOption.values()).map(ImportOption::id), Arrays.stream(Own.values()).map(o -> o.id))));
        String suggestion = near.map(n -> ": did you mean --" + n + "?" + ImportOption.byId(n)
                .filter(o -> !format.options().contains(o))
                .map(o -> " (an option of " + String.join(", ", formatsTaking(o)) + ")").orElse("")).orElse(".");
        return "Unknown option --" + name + suggestion + "\n" + validOptions(format);
    }

    /** The formats that take an option, as help lists them. */
    static List<String> formatsTaking(ImportOption option) {
        return ImportFormat.choices().stream().filter(f -> f != ImportFormat.AUTO && f.options().contains(option))
                .map(ImportFormat::id).toList();
    }

    /** The names a format accepts: its options, then the command's own. */
    private static Stream<String> validNames(ImportFormat format) {
        return Stream.concat(format.options().stream().map(ImportOption::id), Arrays.stream(Own.values()).map(o -> o.id));
    }

    private static String validOptions(ImportFormat format) {
        var own = Arrays.stream(Own.values()).filter(o -> o != Own.HELP).map(o -> "--" + o.id).toList();
        String options = String.join(", ", format.options().stream().map(o -> "--" + o.id()).toList());
        return (format == ImportFormat.AUTO ? "Options (each format takes some of them): " + options
                : "Options of " + format.id() + ": " + (options.isEmpty() ? "none" : options))
                + "; and " + String.join(", ", own) + ". See import --help.";
    }

    /** The candidate nearest to {@code name} by edit distance, if one is near enough to be a misspelling. */
    static Optional<String> nearest(String name, Stream<String> candidates) {
        return candidates.map(c -> Map.entry(c, distance(name, c)))
                .filter(e -> e.getValue() <= NEAR && e.getValue() < name.length())
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance: insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
