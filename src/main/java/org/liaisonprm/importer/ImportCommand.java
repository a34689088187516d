package org.liaisonprm.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liaisonprm.LiaisonApplication;
import org.liaisonprm.graph.GraphStoreLockedException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar liaison.jar import --format=F --file=PATH [options] [--errors=REPORT.csv]}: imports one
 * file into the configured store (the embedded data directory or an external server, configured as for
 * the application) without starting the web server. Prints progress and a summary; exits with 0 when every
 * row was accepted, 3 when some were refused, 2 when nothing was imported.
 */
public final class ImportCommand {

    private static final List<String> OWN = List.of("format", "file", "errors");

    private final PrintStream out;

    ImportCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new ImportCommand(System.out).run(args));
    }

    /** Runs the command; returns the exit code. Arguments it does not know go to Spring as settings. */
    public int run(String[] args) {
        var options = new HashMap<String, String>();
        var settings = new ArrayList<String>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            }
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : null;
            if (name != null && (OWN.contains(name) || ImportOptions.NAMES.contains(name))) {
                options.put(name, arg.substring(arg.indexOf('=') + 1));
            } else {
                settings.add(arg);
            }
        }
        ImportFormat format = ImportFormat.byId(options.getOrDefault("format", "auto")).orElse(null);
        if (format == null) {
            return refuse("Unknown format " + options.get("format") + ". Formats: "
                    + String.join(", ", ImportFormat.choices().stream().map(ImportFormat::id).toList()));
        }
        if (!options.containsKey("file")) {
            return refuse("Say which file to import with --file=PATH\n" + usage());
        }
        Path file = Path.of(options.get("file"));
        if (!Files.isReadable(file)) {
            return refuse("Cannot read " + file + ": no such file or not readable");
        }
        ImportOptions importOptions;
        try {
            importOptions = ImportOptions.parse(options);
        } catch (ImportRefusedException e) {
            return refuse(e.getMessage());
        }
        Path errors = Path.of(options.getOrDefault("errors", file + ".errors.csv"));
        ConfigurableApplicationContext context;
        try {
            context = start(settings);
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
            var request = new Importer.Request(format, file, file.getFileName().toString(), importOptions, errors,
                    "cli:" + System.getProperty("user.name", "unknown"));
            Importer.Result result = context.getBean(Importer.class).run(request, progress);
            progress.done();
            if (result.message() != null) {
                out.println("Refused: " + result.message());
            }
            printSummary(result);
            return result.exitCode();
        }
    }

    private void printSummary(Importer.Result result) {
        var s = result.summary();
        out.printf("Format %s, %,d ms (%,.0f rows/s)%n", result.format().id(), result.durationMs(),
                result.durationMs() == 0 ? 0.0 : s.rowsRead() * 1000.0 / result.durationMs());
        out.printf("  rows read       %,12d%n", s.rowsRead());
        out.printf("  imported        %,12d%n", s.imported());
        out.printf("  skipped         %,12d%n", s.skipped());
        out.printf("  refused         %,12d%s%n", s.refused(), s.refused() > 0 ? "   see " + result.errors() : "");
        out.printf("  nodes           %,12d created, %,d updated%n", s.nodesCreated(), s.nodesUpdated());
        out.printf("  relationships   %,12d created, %,d updated%n", s.relationshipsCreated(), s.relationshipsUpdated());
    }

    private int refuse(String message) {
        out.println(message);
        return 2;
    }

    private static GraphStoreLockedException lockedCause(Throwable e) {
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
        var args = new ArrayList<String>();
        args.add("--liaison.demo.enabled=false");
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.main.lazy-initialization=true");
        args.add("--liaison.audit.purge-cron=-");
        args.add("--logging.level.root=warn");
        args.add("--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        args.addAll(settings);
        return new SpringApplicationBuilder(LiaisonApplication.class).web(WebApplicationType.NONE)
                .initializers(ImportStartup.INITIALIZER)
                .run(args.toArray(String[]::new));
    }

    static String usage() {
        return """
                Usage: java -jar liaison.jar import --format=FORMAT --file=PATH [options] [--errors=REPORT.csv]
                Formats: %s
                Options: --state=MA[,NH]  --period=YYYY | --from=YYYY-MM-DD --to=YYYY-MM-DD (exclusive)
                         --window-days=30  --min-transactions=N  --max-day-wait=N  --unknown-npi=stub|refuse
                Settings of the application (e.g. --liaison.graph.data-dir=./data) apply as for the server.
                Exit codes: 0 all rows accepted, 3 some rows refused, 2 nothing imported.
                See docs/import-formats.md.""".formatted(String.join(", ",
                ImportFormat.choices().stream().map(ImportFormat::id).toList()));
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
