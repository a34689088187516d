package org.liaisonprm.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.liaisonprm.LiaisonApplication;
import org.liaisonprm.graph.GraphStoreLockedException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar liaison.jar import [--format=F] --file=PATH [options] [--errors=REPORT.csv] [--dry-run]}:
 * imports one file into the configured store (the embedded data directory or an external server, configured
 * as for the application) without starting the web server. Only the options the format takes are accepted
 * ({@link ImportArguments}); {@code --dry-run} reads and checks the whole file as the import would and writes
 * nothing to the graph. Prints progress and a summary; exits with 0 when every row was accepted, 3 when some
 * were refused, 2 when nothing was imported.
 */
public final class ImportCommand {

    private final PrintStream out;

    public ImportCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs the command; returns the exit code. */
    public int run(String[] args) {
        if (args.length == 0) {
            out.println(usage());
            return 2;
        }
        if (java.util.Arrays.asList(args).contains("--bulk") && !java.util.Arrays.asList(args).contains("--help")) {
            return new BulkImport(out).run(args);
        }
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(args);
        } catch (ImportRefusedException e) {
            return refuse(e.getMessage());
        }
        if (arguments.help()) {
            out.println(usage());
            return 0;
        }
        if (arguments.file() == null) {
            return refuse("Say which file to import with --file=PATH. See import --help.");
        }
        Path file = arguments.file();
        if (!Files.isReadable(file)) {
            return refuse("Cannot read " + file + ": no such file or not readable");
        }
        ImportOptions importOptions;
        try {
            if (arguments.format() == ImportFormat.AUTO) {
                // the first line says which format it is; only then do the options have a meaning to check
                arguments = arguments.checkedFor(ImportFormat.detect(file));
            }
            importOptions = arguments.importOptions();
        } catch (ImportRefusedException e) {
            return refuse(e.getMessage());
        }
        Path errors = arguments.errors() != null ? arguments.errors() : Path.of(file + ".errors.csv");
        ConfigurableApplicationContext context;
        try {
            context = start(arguments.settings());
        } catch (RuntimeException e) {
            GraphStoreLockedException locked = lockedCause(e);
            if (locked != null) {
                return refuse(locked.getMessage() + "\nNothing was imported. While the server runs, import through it: "
                        + "the Import page (/import) or POST /api/imports.");
            }
            throw e;
        }
        try (context) {
            var progress = new ProgressDisplay(out, System.console() != null);
            var request = new Importer.Request(arguments.format(), file, file.getFileName().toString(), importOptions,
                    errors, "cli:" + System.getProperty("user.name", "unknown"), arguments.dryRun());
            Importer.Result result = context.getBean(Importer.class).run(request, progress);
            progress.done();
            if (result.message() != null) {
                out.println("Refused: " + result.message());
            }
            printSummary(out, result, arguments.dryRun());
            return result.exitCode();
        }
    }

    static void printSummary(PrintStream out, Importer.Result result, boolean dryRun) {
        var s = result.summary();
        if (dryRun) {
            out.println("Dry run: the file was read and checked as an import would; nothing was written to the graph.");
        }
        out.printf("Format %s, %,d ms (%,.0f rows/s)%n", result.format().id(), result.durationMs(),
                result.durationMs() == 0 ? 0.0 : s.rowsRead() * 1000.0 / result.durationMs());
        out.printf("  rows read       %,12d%n", s.rowsRead());
        out.printf("  imported        %,12d%n", s.imported());
        out.printf("  skipped         %,12d%n", s.skipped());
        out.printf("  refused         %,12d%s%n", s.refused(), s.refused() > 0 ? "   see " + result.errors() : "");
        if (dryRun) {
            out.println("  nodes and relationships: not counted by a dry run (each batch is undone, so it cannot tell");
            out.println("  what earlier batches would have created)");
            return;
        }
        out.printf("  nodes           %,12d created, %,d updated%n", s.nodesCreated(), s.nodesUpdated());
        out.printf("  relationships   %,12d created, %,d updated%n", s.relationshipsCreated(), s.relationshipsUpdated());
    }

    private int refuse(String message) {
        out.println(message);
        return 2;
    }

    static GraphStoreLockedException lockedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GraphStoreLockedException locked) {
                return locked;
            }
        }
        return null;
    }

    /**
     * Only what an import needs: no web server, no Vaadin (its configuration assumes a servlet container),
     * beans made only when the import uses them (so none of the server's, such as the import queue that marks
     * unfinished imports as interrupted), no scheduled clean-ups, and of the start-up steps only the schema
     * ({@link ImportStartup}): users, the demo region and the rollup check are the server's. Command-line
     * settings outrank application.yml, so a user's {@code --liaison.graph.data-dir=...} still applies.
     */
    static ConfigurableApplicationContext start(List<String> settings) {
        return start(settings, ImportStartup.INITIALIZER);
    }

    /** As {@link #start(List)}, with the given start-up ({@link ImportStartup}). */
    static ConfigurableApplicationContext start(List<String> settings,
                                                org.springframework.context.ApplicationContextInitializer<ConfigurableApplicationContext> startup) {
        var args = new ArrayList<String>();
        args.add("--liaison.demo.enabled=false");
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.main.lazy-initialization=true");
        args.add("--liaison.audit.purge-cron=-");
        args.add("--logging.level.root=warn");
        args.add("--management.endpoints.access.default=none"); // no health checks that would open the store
        args.add("--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        args.addAll(settings);
        return new SpringApplicationBuilder(LiaisonApplication.class).web(WebApplicationType.NONE)
                .initializers(startup)
                .run(args.toArray(String[]::new));
    }

    /** What {@code import --help} and {@code import} without arguments print: formats with their options. */
    static String usage() {
        var text = new StringBuilder();
        text.append("Usage: java -jar liaison.jar import [--format=FORMAT] --file=PATH [options] [--errors=REPORT.csv] [--dry-run] [--bulk]\n\n");
        text.append("Imports one file into the configured store, which no running server may hold.\n\n");
        for (var own : ImportArguments.Own.values()) {
            text.append(line("  " + own.usage(), own.meaning));
        }
        text.append("\nFormats and their options (only these are accepted):\n");
        for (ImportFormat format : ImportFormat.choices()) {
            if (format == ImportFormat.AUTO) {
                text.append(line("  auto", "the default: recognised from the file's first line (nothing else is"));
                text.append(line("", "read first), then that format's options apply"));
                continue;
            }
            text.append(line("  " + format.id(), format.title() + (format.options().isEmpty() ? "; no options" : "")));
            for (ImportOption option : format.options()) {
                text.append(line("      " + option.usage(), option.meaning()
                        + (option.byDefault().isEmpty() ? "" : " (" + defaultText(option) + ")")));
            }
        }
        text.append("""

                Bulk first load (--bulk): nppes, hop-teaming and shared-patients files read and checked as above, then
                written at once by Neo4j's offline importer into a new, empty embedded store that no server holds; then
                the schema, membership and rollup. Give --file for each file, each followed by its own options, e.g.
                  java -jar liaison.jar import --bulk --file=npidata.csv --state=MA \\
                       --file=hop-2018.csv --period=2018 --only-known-npis
                A store that holds anything is refused (exit code 2), as is any file refused as a whole: all files
                are written or none. Import other formats after it, without --bulk.

                Settings of the application apply as for the server, given as --liaison.…=VALUE or --spring.…=VALUE,
                e.g. --liaison.graph.data-dir=./data. Anything else is refused.

                Exit codes:
                  0  every row was accepted (imported, or skipped on purpose)
                  3  the import finished, some rows were refused: see the error report
                  2  nothing was imported: an unknown or misspelt option, one the format does not take, a missing
                     or unreadable file, a whole file refused, the store held by a running server, or --bulk
                     given a store that is not empty

                Example:
                  java -jar liaison.jar import --format=hop-teaming --file=hop-2018.csv --period=2018 \\
                       --min-transactions=50 --dry-run

                See docs/import-formats.md.""");
        return text.toString();
    }

    private static String defaultText(ImportOption option) {
        String value = option.byDefault();
        return value.startsWith("required") ? value : "default: " + value;
    }

    /** A name and its meaning in two columns. */
    private static String line(String name, String meaning) {
        int column = 34;
        return (name.length() < column ? name + " ".repeat(column - name.length()) : name + "\n" + " ".repeat(column))
                + meaning + "\n";
    }

    /** A progress bar with rows/s on a terminal; a plain line every few seconds otherwise. */
    static final class ProgressDisplay implements Importer.Progress {
        private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
        private final PrintStream out;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private long lastPlain = started;
        private boolean drawn;

        ProgressDisplay(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public synchronized void update(ImportFormat format, double fraction, ImportSummary sofar) {
            long now = System.nanoTime();
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            double rate = sofar.rowsRead() / seconds;
            if (terminal) {
                int width = 30;
                int filled = (int) Math.round(fraction * width);
                out.printf("\r%s [%s%s] %3.0f%%  %,d rows  %,.0f rows/s  %,d refused ", format.id(),
                        "#".repeat(filled), " ".repeat(width - filled), fraction * 100, sofar.rowsRead(), rate, sofar.refused());
                drawn = true;
            } else if (now - lastPlain >= PLAIN_EVERY_NANOS) {
                lastPlain = now;
                out.printf("%s: %.0f%%, %,d rows read, %,.0f rows/s, %,d refused%n", format.id(), fraction * 100,
                        sofar.rowsRead(), rate, sofar.refused());
            }
        }

        synchronized void done() {
            if (drawn) {
                out.println();
            }
        }
    }
}
