package org.liaisonprm.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.GraphProperties;
import org.liaisonprm.graph.GraphSchema;
import org.liaisonprm.graph.GraphStoreLockedException;
import org.liaisonprm.graph.OfflineImporter;
import org.liaisonprm.graph.ReferralRollup;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import --bulk}: the first load of a new, empty embedded store. Every file is read and checked by its
 * loader exactly as a transactional import reads it (same refusals, error report and exit codes); the rows it
 * accepts are written to the node and relationship files of Neo4j's offline importer ({@link BulkStore}). Only
 * when every file has been read does {@code neo4j-admin database import full} write the store; then the store
 * is opened, which applies the schema, and once its indexes are online deactivations and the referral rollup
 * are applied and each file is recorded as an {@code (:ImportRun)} with its audit event (network membership
 * has nothing to change in a store of these formats). A store that holds
 * anything refuses with exit code 2, as does any file refused as a whole: a bulk load writes all its files or
 * none.
 */
final class BulkImport {

    /** The formats a bulk load reads: the large ones; every other is imported after it, without --bulk. */
    static final Set<ImportFormat> FORMATS = EnumSet.of(ImportFormat.NPPES, ImportFormat.HOP_TEAMING,
            ImportFormat.SHARED_PATIENTS);

    private static final Cypher CONTENTS = Cypher.load("importer/bulk-store-contents");

    /** How long a bulk load waits for the indexes of its store to come online before it says they are not. */
    private static final Duration INDEXES_READY = Duration.ofMinutes(30);

    private final PrintStream out;

    BulkImport(PrintStream out) {
        this.out = out;
    }

    /** One file read into the bulk store. */
    private record Loaded(String id, Importer.Request request, Importer.Result result) {
    }

    /** Runs the command; returns the exit code. */
    int run(String[] args) {
        List<ImportArguments> files;
        try {
            files = checked(ImportArguments.parseFiles(args));
        } catch (ImportRefusedException e) {
            return refuse(e.getMessage());
        }
        long begun = System.nanoTime();
        List<String> settings = files.get(0).settings();
        boolean dryRun = files.get(0).dryRun();
        GraphProperties graph;
        try (ConfigurableApplicationContext context = ImportCommand.start(settings, ImportStartup.SETTINGS_ONLY)) {
            graph = context.getBean(GraphProperties.class);
            if (graph.mode() == GraphProperties.Mode.EXTERNAL) {
                return refuse("--bulk writes the files of the embedded store and cannot reach an external server. "
                        + "Nothing was imported. Import into the server without --bulk, or load it with neo4j-admin "
                        + "database import on that server.");
            }
            String contents = contents(context, graph);
            if (contents != null) {
                return refuse("The store in " + graph.dataDir() + " is not empty: it holds " + contents + ". --bulk "
                        + "only writes a new store. Nothing was imported; import into this store without --bulk.");
            }
        } catch (RuntimeException e) {
            GraphStoreLockedException locked = ImportCommand.lockedCause(e);
            if (locked != null) {
                return refuse(locked.getMessage() + "\nNothing was imported: --bulk writes a store no server holds.");
            }
            throw e;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory(Files.createDirectories(graph.dataDir()), "bulk-import-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write in " + graph.dataDir(), e);
        }
        try (BulkStore store = new BulkStore(dir)) {
            out.printf("The store checked (new or empty) in %,d ms%n", (System.nanoTime() - begun) / 1_000_000);
            var loaded = new ArrayList<Loaded>();
            for (ImportArguments file : files) {
                var result = read(file, store);
                if (result.result().message() != null) {
                    return refuse("Refused: " + result.result().message() + "\nNothing was imported: a bulk load writes "
                            + "all its files or none.");
                }
                ImportCommand.printSummary(out, result.result(), dryRun);
                loaded.add(result);
            }
            store.finish();
            int exit = loaded.stream().mapToInt(l -> l.result().exitCode()).max().orElse(2);
            if (dryRun) {
                out.println("Dry run: nothing was written.");
                return exit;
            }
            if (store.empty()) {
                out.println("No row was accepted: nothing was written.");
                return exit;
            }
            long started = System.nanoTime();
            out.printf("Writing %,d nodes and %,d relationships with Neo4j's offline importer ...%n", store.nodes(),
                    store.relationships());
            offline(graph, store, dir);
            long written = System.nanoTime();
            out.printf("  written in %,d ms%n",
                    (written - started) / 1_000_000);
            try (ConfigurableApplicationContext context = ImportCommand.start(settings)) {
                long opened = System.nanoTime();
                out.printf("  store opened and its schema applied in %,d ms%n", (opened - written) / 1_000_000);
                var building = context.getBean(GraphSchema.class).awaitIndexes(INDEXES_READY);
                long indexed = System.nanoTime();
                if (building.isEmpty()) {
                    out.printf("  every index online in %,d ms%n", (indexed - opened) / 1_000_000);
                } else {
                    out.printf("  indexes not online after %,d ms: %s. Neo4j builds an unfinished index again when "
                            + "Liaison starts; SHOW INDEXES says how far it is.%n", (indexed - opened) / 1_000_000,
                            String.join(", ", building));
                }
                finish(context, store, loaded);
                out.printf("  deactivations, rollup and import records in %,d ms%n",
                        (System.nanoTime() - indexed) / 1_000_000);
            }
            return exit;
        } finally {
            delete(dir);
        }
    }

    /** The files as given, each of a format a bulk load reads, at most one registry and one referral file a period. */
    private static List<ImportArguments> checked(List<ImportArguments> files) {
        var checked = new ArrayList<ImportArguments>();
        var periods = new HashSet<Object>();
        int registries = 0;
        for (ImportArguments file : files) {
            if (file.file() == null) {
                throw new ImportRefusedException("Say which file to import with --file=PATH. See import --help.");
            }
            if (!Files.isReadable(file.file()) || Files.isDirectory(file.file())) {
                throw new ImportRefusedException("Cannot read " + file.file() + ": no such file or not readable");
            }
            ImportArguments arguments = file.format() == ImportFormat.AUTO
                    ? file.checkedFor(ImportFormat.detect(file.file())) : file;
            ImportFormat format = arguments.format();
            if (!FORMATS.contains(format)) {
                throw new ImportRefusedException(file.file().getFileName() + " is a " + format.id() + " file: --bulk reads "
                        + "nppes, hop-teaming and shared-patients files. Import it after the bulk load, without --bulk.");
            }
            ImportOptions options = arguments.importOptions();
            if (format == ImportFormat.NPPES && ++registries > 1) {
                throw new ImportRefusedException("--bulk reads one nppes file. Import further registry files after "
                        + "the bulk load, without --bulk.");
            }
            if (format != ImportFormat.NPPES && !periods.add(options.periodStart())) {
                throw new ImportRefusedException("--bulk reads one referral file a period, and two cover the period from "
                        + options.periodStart() + ". Import the second after the bulk load, without --bulk.");
            }
            checked.add(arguments);
        }
        return checked;
    }

    /**
     * What a store holds by label ("1,000 Physician, 3 User"), null when it holds nothing or does not exist. A
     * store that was never started is not started to find that out.
     */
    private static String contents(ConfigurableApplicationContext context, GraphProperties graph) {
        if (!OfflineImporter.storeExists(graph.dataDir(), graph.settings())) {
            return null;
        }
        var labels = context.getBean(Graph.class).read(CONTENTS, Map.of(),
                r -> String.format("%,d %s", r.get("nodes").asLong(), r.get("label").asString()));
        return labels.isEmpty() ? null : String.join(", ", labels);
    }

    /** Reads one file into the store as its loader reads it for a transactional import. */
    private Loaded read(ImportArguments file, BulkStore store) {
        String id = UUID.randomUUID().toString();
        Path errorsPath = file.errors() != null ? file.errors() : Path.of(file.file() + ".errors.csv");
        var errors = new ErrorReport(errorsPath);
        ImportOptions options = file.importOptions();
        var request = new Importer.Request(file.format(), file.file(), file.file().getFileName().toString(), options,
                errorsPath, "cli:" + System.getProperty("user.name", "unknown"));
        var job = new ImportJob(store, id, options, errors);
        var progress = new ImportCommand.ProgressDisplay(out, System.console() != null);
        var ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "import-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> progress.update(file.format(), job.fraction(), job.summary()), 250, 500,
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        String message = null;
        try {
            Importer.loader(file.format()).load(file.file(), job);
        } catch (ImportRefusedException e) {
            message = file.file().getFileName() + ": " + e.getMessage();
        } finally {
            ticker.shutdownNow();
            errors.close();
            job.close();
        }
        progress.done();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Loaded(id, request, new Importer.Result(id, file.format(), job.summary(), errorsPath, millis, message));
    }

    /** {@code neo4j-admin database import full} into the embedded store's home, in this process. */
    private static void offline(GraphProperties graph, BulkStore store, Path dir) {
        try {
            OfflineImporter.run(graph.dataDir(), graph.settings(), store.importerArguments(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the offline importer's files in " + dir, e);
        }
    }

    /** With the store open: deactivations, rollup, then each file's import record. */
    private static void finish(ConfigurableApplicationContext context, BulkStore store, List<Loaded> loaded) {
        Graph graph = context.getBean(Graph.class);
        var deactivations = store.deactivations();
        for (int from = 0; from < deactivations.size(); from += BatchWriter.BATCH) {
            var batch = deactivations.subList(from, Math.min(deactivations.size(), from + BatchWriter.BATCH));
            graph.write(BulkStore.DEACTIVATE, Map.of("rows", batch));
        }
        // Network membership has nothing to change: the formats a bulk load reads hold no ownership, employment
        // or affiliation, so every provider of the new store is OUT, as BulkStore writes it.
        context.getBean(ReferralRollup.class).rebuild();
        Importer importer = context.getBean(Importer.class);
        for (Loaded file : loaded) {
            importer.recordOffline(file.id(), file.request(), file.result().format(), file.result().summary(),
                    file.result().durationMs());
        }
    }

    private int refuse(String message) {
        out.println(message);
        return 2;
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dir, e);
        }
    }
}
