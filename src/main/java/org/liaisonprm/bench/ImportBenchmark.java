package org.liaisonprm.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.liaisonprm.LiaisonApplication;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.importer.ImportCommand;
import org.liaisonprm.importer.ImportFormat;
import org.liaisonprm.importer.ImportOptions;
import org.liaisonprm.importer.Importer;
import org.liaisonprm.physician.Npi;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar liaison.jar bench import [--rows=1000000] [--npis=100000]}: generates a hop-teaming file
 * of {@code rows} referrals among {@code npis} physicians and the matching NPPES file (all 330 columns),
 * then loads them three ways into fresh stores — Liaison's importer; the {@code LOAD CSV ... CALL { MERGE
 * ... } IN TRANSACTIONS OF 10000 ROWS} a Neo4j user would write; Neo4j's offline bulk loader
 * ({@code neo4j-admin database import full}) — checks that the three graphs hold the same counts and sums,
 * and prints wall time, rows/s and peak heap of each (docs/benchmarks.md).
 */
public final class ImportBenchmark {

    private static final LocalDate PERIOD = LocalDate.of(2024, 1, 1);
    private static final Cypher DROP_REFERRED_PERIOD_INDEX = Cypher.load("bench/drop-referred-period-index");
    private static final Cypher DROP_REFERRED_SERVICE_LINE_INDEX = Cypher.load("bench/drop-referred-service-line-index");
    private static final Cypher LOAD_CSV_NPPES = Cypher.load("bench/load-csv-nppes");
    private static final Cypher LOAD_CSV_HOP_TEAMING = Cypher.load("bench/load-csv-hop-teaming");
    private static final Cypher CREATE_PHYSICIANS = Cypher.load("bench/create-physicians");
    private static final Cypher CREATE_REFERRALS = Cypher.load("bench/create-referrals");
    private static final Cypher PHYSICIAN_COUNT = Cypher.load("bench/physician-count");
    private static final Cypher REFERRAL_TOTALS = Cypher.load("bench/referral-totals");
    private static final String[] TAXONOMIES = {"207Q00000X", "207R00000X", "207X00000X", "207RC0000X",
            "207RX0202X", "2084N0400X", "208600000X", "207V00000X", "2085R0202X", "207RG0100X", "208800000X",
            "2084P0800X"};

    private ImportBenchmark() {
    }

    /**
     * One load. {@code rows} are the rows it got through: fewer than the files hold when it was stopped at the
     * time limit ({@code finished} false). {@code liveHeapBytes} is the most the heap held right after a
     * collection, what the load needs; {@code peakHeapBytes} also counts garbage not collected yet.
     */
    record Run(String name, long millis, long rows, boolean finished, long peakHeapBytes, long liveHeapBytes,
               Map<String, Long> graph) {
        double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ReportBenchmark.options(args);
        String which = options.getOrDefault("run", "pairs");
        if (which.equals("national")) {
            NationalImportBenchmark.national(options);
            return;
        }
        if (which.equals("encounters")) {
            NationalImportBenchmark.encounters(options);
            return;
        }
        if (!which.equals("pairs")) {
            throw new IllegalArgumentException("--run is pairs (the default), national or encounters, not " + which);
        }
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        int npis = Integer.parseInt(options.getOrDefault("npis", "100000"));
        var loaders = List.of(options.getOrDefault("loaders", "ours,load-csv,admin-import,create,bulk").split(","));
        Duration limit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("load-csv-limit", "900")));
        Path work = Files.createTempDirectory("liaison-bench-import");
        PrintStream out = System.out;
        out.printf("Import benchmark: %,d hop-teaming referrals among %,d NPIs, plus their NPPES rows%n", rows, npis);
        ReportBenchmark.printMachine();
        try {
            Path input = Files.createDirectories(work.resolve("input"));
            long started = System.nanoTime();
            generate(input, rows, npis);
            out.printf("Files generated in %,d ms: nppes.csv %,d MB, hop-teaming.csv %,d MB%n%n",
                    (System.nanoTime() - started) / 1_000_000, Files.size(input.resolve("nppes.csv")) >> 20,
                    Files.size(input.resolve("hop-teaming.csv")) >> 20);

            long totalRows = rows + (long) npis;
            var runs = new ArrayList<Run>();
            if (loaders.contains("ours")) {
                runs.add(ours(work.resolve("ours"), input, totalRows));
            }
            if (loaders.contains("load-csv")) {
                runs.add(loadCsv(work.resolve("load-csv"), input, totalRows, limit));
            }
            if (loaders.contains("admin-import")) {
                runs.add(adminImport(work.resolve("admin-import"), input, totalRows));
            }
            if (loaders.contains("create")) {
                runs.add(bareCreate(work.resolve("create"), input, totalRows));
            }
            if (loaders.contains("bulk")) {
                runs.add(bulk(work.resolve("bulk"), input, totalRows));
            }

            out.printf("%n%-34s %10s %12s %14s %14s  %s%n", "loader", "wall s", "rows/s", "peak heap MB",
                    "live heap MB", "graph");
            for (Run run : runs) {
                out.printf("%-34s %10.1f %,12.0f %,14d %,14d  %s%s%n", run.name(), run.millis() / 1000.0,
                        run.rowsPerSecond(), run.peakHeapBytes() >> 20, run.liveHeapBytes() >> 20, run.graph(),
                        run.finished() ? "" : String.format(" (stopped at the %d s limit after %,d of %,d rows)",
                                limit.toSeconds(), run.rows(), totalRows));
            }
            Run ours = runs.get(0);
            for (Run other : ours.name().equals("Liaison importer") ? runs.subList(1, runs.size()) : List.<Run>of()) {
                if (other.finished()) {
                    out.printf("%s / %s: %.2f× the time%n", ours.name(), other.name(), (double) ours.millis() / other.millis());
                } else {
                    out.printf("%s / %s: at least %.1f× the rate (rows/s; the other stopped unfinished and slows as it goes)%n",
                            ours.name(), other.name(), ours.rowsPerSecond() / other.rowsPerSecond());
                }
            }
            var admin = runs.stream().filter(r -> r.name().startsWith("neo4j-admin")).findFirst();
            var bulk = runs.stream().filter(r -> r.name().startsWith("Liaison import --bulk")).findFirst();
            if (admin.isPresent() && bulk.isPresent()) {
                out.printf("%s / %s: %.2f× the time%n", bulk.get().name(), admin.get().name(),
                        (double) bulk.get().millis() / admin.get().millis());
            }
            boolean same = runs.stream().filter(Run::finished).allMatch(r -> r.graph().equals(ours.graph()));
            out.println(same ? "All graphs hold the same counts and sums." : "THE GRAPHS DIFFER: see the table above.");
        } finally {
            ReportBenchmark.delete(work);
        }
    }

    /** Liaison's importer: NPPES then hop teaming, each validated row by row, then membership and rollup. */
    private static Run ours(Path dataDir, Path input, long rows) {
        try (ConfigurableApplicationContext context = start(dataDir, input)) {
            var importer = context.getBean(Importer.class);
            return measure("Liaison importer", rows, () -> {
                for (var file : List.of(
                        Map.entry(ImportFormat.NPPES, "nppes.csv"), Map.entry(ImportFormat.HOP_TEAMING, "hop-teaming.csv"))) {
                    Path path = input.resolve(file.getValue());
                    var result = importer.run(new Importer.Request(file.getKey(), path, file.getValue(),
                            ImportOptions.parse(Map.of("period", String.valueOf(PERIOD.getYear()))),
                            dataDir.resolveSibling(file.getValue() + ".errors.csv"), "benchmark"), Importer.Progress.NONE);
                    System.out.printf("  %s: %s in %,d ms%n", file.getValue(), result.summary().describe(), result.durationMs());
                }
            }, context.getBean(Graph.class));
        }
    }

    /**
     * What a Neo4j user writes: the same constraints (applied at start-up, without Liaison's two indexes on
     * {@code REFERRED} properties), LOAD CSV, MERGE, batches of 10,000. It is stopped at {@code limit}; the
     * rows it committed by then give its rate.
     */
    private static Run loadCsv(Path dataDir, Path input, long rows, Duration limit) {
        try (ConfigurableApplicationContext context = start(dataDir, input)) {
            Graph graph = context.getBean(Graph.class);
            // the user's store holds the same constraints; Liaison's REFERRED property indexes would turn
            // the relationship MERGE into a scan of every referral of the period per row
            graph.write(DROP_REFERRED_PERIOD_INDEX, Map.of());
            graph.write(DROP_REFERRED_SERVICE_LINE_INDEX, Map.of());
            long deadline = System.nanoTime() + limit.toNanos();
            Run run = measure("LOAD CSV ... IN TRANSACTIONS", rows, () -> {
                try {
                    // CALL { … } IN TRANSACTIONS runs only in auto-commit transactions
                    graph.autoCommit(LOAD_CSV_NPPES, Map.of(), left(deadline));
                    graph.autoCommit(LOAD_CSV_HOP_TEAMING, Map.of("period", PERIOD.toString()), left(deadline));
                } catch (Neo4jException e) {
                    if (System.nanoTime() < deadline) {
                        throw e;
                    }
                    System.out.printf("  stopped at the %d s limit%n", limit.toSeconds());
                }
            }, graph);
            if (System.nanoTime() < deadline) {
                return run;
            }
            long done = run.graph().get("physicians") + run.graph().get("referred");
            return new Run(run.name(), run.millis(), done, false, run.peakHeapBytes(), run.liveHeapBytes(), run.graph());
        }
    }

    private static TransactionConfig left(long deadline) {
        return TransactionConfig.builder()
                .withTimeout(Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()))).build();
    }

    /**
     * The floor of any transactional load: the rows, already parsed and unchecked, created over Bolt in
     * transactions of 10,000 on one thread — physicians by {@code CREATE}, referrals by {@code CREATE}
     * between nodes found by id — into the same store and schema as Liaison's importer, with no look-up,
     * no validation, no error report, no membership and no rollup.
     */
    private static Run bareCreate(Path dataDir, Path input, long rows) throws IOException {
        Path files = Files.createDirectories(dataDir.resolveSibling("create-input"));
        writeAdminFiles(input, files);
        try (ConfigurableApplicationContext context = start(dataDir, input)) {
            Graph graph = context.getBean(Graph.class);
            return measure("bare CREATE (no checks), 1 thread", rows, () -> {
                var ids = new HashMap<String, Long>();
                var batch = new ArrayList<Map<String, Object>>();
                try (var lines = Files.lines(files.resolve("nodes.csv"))) {
                    for (var line : (Iterable<String>) lines::iterator) {
                        String[] cells = line.split(",", -1);
                        batch.add(Map.of("npi", cells[0], "lastName", cells[1], "firstName", cells[2],
                                "taxonomyCode", cells[3], "state", cells[4]));
                        if (batch.size() == 10_000) {
                            createPhysicians(graph, batch, ids);
                        }
                    }
                }
                createPhysicians(graph, batch, ids);
                var parameters = Map.<String, Object>of("period", PERIOD, "end", PERIOD.plusYears(1));
                try (var lines = Files.lines(files.resolve("referred.csv"))) {
                    for (var line : (Iterable<String>) lines::iterator) {
                        String[] cells = line.split(",", -1);
                        batch.add(Map.of("a", ids.get(cells[0]), "b", ids.get(cells[1]),
                                "patients", Long.parseLong(cells[2]), "referrals", Long.parseLong(cells[3]),
                                "wait", Double.parseDouble(cells[4]), "std", Double.parseDouble(cells[5])));
                        if (batch.size() == 10_000) {
                            createReferrals(graph, batch, parameters);
                        }
                    }
                }
                createReferrals(graph, batch, parameters);
            }, graph);
        }
    }

    private static void createPhysicians(Graph graph, List<Map<String, Object>> batch, Map<String, Long> ids) {
        graph.write(CREATE_PHYSICIANS, Map.of("rows", batch), r -> r)
                .forEach(r -> ids.put(r.get("npi").asString(), r.get("id").asLong()));
        batch.clear();
    }

    private static void createReferrals(Graph graph, List<Map<String, Object>> batch, Map<String, Object> parameters) {
        var all = new HashMap<>(parameters);
        all.put("rows", batch);
        graph.write(CREATE_REFERRALS, all);
        batch.clear();
    }

    /**
     * Liaison's bulk first load of the same two files into a new store: every row checked as the importer checks
     * it, the offline importer, then the schema, membership and rollup; then the store is opened to count.
     */
    private static Run bulk(Path home, Path input, long rows) {
        var arguments = new ArrayList<String>(List.of("--bulk", "--file=" + input.resolve("nppes.csv"),
                "--errors=" + home.resolveSibling("bulk-nppes.errors.csv"), "--file=" + input.resolve("hop-teaming.csv"),
                "--period=" + PERIOD.getYear(), "--errors=" + home.resolveSibling("bulk-hop-teaming.errors.csv")));
        for (String setting : ReportBenchmark.settings(home)) {
            if (setting.startsWith("--liaison.graph.")) { // the command sets the others itself
                arguments.add(setting);
            }
        }
        var run = measure("Liaison import --bulk", rows, () -> {
            int exit = new ImportCommand(System.out).run(arguments.toArray(String[]::new));
            if (exit != 0) {
                throw new IllegalStateException("import --bulk exited with " + exit);
            }
        }, null);
        try (ConfigurableApplicationContext context = start(home, input)) {
            return new Run(run.name(), run.millis(), run.rows(), true, run.peakHeapBytes(), run.liveHeapBytes(),
                    graph(context.getBean(Graph.class)));
        }
    }

    /** Neo4j's offline bulk loader into an empty store; then the store is opened to count. */
    private static Run adminImport(Path home, Path input, long rows) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Path nodes = Files.createDirectories(home.resolve("admin-input"));
        writeAdminFiles(input, nodes);
        var run = measure("neo4j-admin database import full", rows, () -> {
            var context = new ExecutionContext(home, home.resolve("conf"), System.out, System.err,
                    new org.neo4j.io.fs.DefaultFileSystemAbstraction());
            int exit = AdminTool.execute(context, "database", "import", "full",
                    "--nodes=Physician=" + nodes.resolve("nodes-header.csv") + "," + nodes.resolve("nodes.csv"),
                    "--relationships=REFERRED=" + nodes.resolve("referred-header.csv") + "," + nodes.resolve("referred.csv"),
                    "--overwrite-destination=true", "--report-file=" + home.resolve("import.report"), "--threads=" + Runtime.getRuntime().availableProcessors(), "neo4j");
            if (exit != 0) {
                throw new IllegalStateException("neo4j-admin database import full exited with " + exit);
            }
        }, null);
        try (ConfigurableApplicationContext context = start(home, input)) {
            return new Run(run.name(), run.millis(), run.rows(), true, run.peakHeapBytes(), run.liveHeapBytes(), graph(context.getBean(Graph.class)));
        }
    }

    static Run measure(String name, long rows, ThrowingRunnable work, Graph graph) {
        System.gc();
        var peak = new AtomicLong();
        var running = new AtomicBoolean(true);
        var live = new AtomicLong();
        var memory = ManagementFactory.getMemoryMXBean();
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        var sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                live.accumulateAndGet(pools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        System.out.printf("%s ...%n", name);
        long started = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        } finally {
            running.set(false);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("  done in %,d ms%n", millis);
        return new Run(name, millis, rows, true, peak.get(), live.get(), graph == null ? Map.of() : graph(graph));
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The numbers the three loads must agree on. */
    static Map<String, Long> graph(Graph graph) {
        long physicians = graph.readOne(PHYSICIAN_COUNT, Map.of(), r -> r.get("n").asLong()).orElseThrow();
        var totals = graph.readOne(REFERRAL_TOTALS, Map.of(), r -> r).orElseThrow();
        var counts = new LinkedHashMap<String, Long>();
        counts.put("physicians", physicians);
        counts.put("referred", totals.get("referred").asLong());
        counts.put("referrals", totals.get("referrals").asLong());
        counts.put("patients", totals.get("patients").asLong());
        return counts;
    }

    static ConfigurableApplicationContext start(Path dataDir, Path importDirectory) {
        var settings = new ArrayList<>(Arrays.asList(ReportBenchmark.settings(dataDir)));
        settings.add("--liaison.graph.settings[server.directories.import]=" + importDirectory.toAbsolutePath());
        // the LOAD CSV baseline reads its generated files; Liaison itself keeps file URLs off
        settings.add("--liaison.graph.settings[dbms.security.allow_csv_import_from_file_urls]=true");
        settings.add("--logging.level.org.liaisonprm.importer=info"); // reading, writing, membership and rollup times
        return new SpringApplicationBuilder(LiaisonApplication.class).web(WebApplicationType.NONE)
                .run(settings.toArray(String[]::new));
    }

    /** The 330 columns of the NPPES file, in its order. */
    static List<String> nppesColumns() throws IOException {
        try (InputStream in = ImportBenchmark.class.getResourceAsStream("/importer/nppes-columns.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static String npi(int index) {
        return Npi.withCheckDigit(String.valueOf(100_000_000 + index));
    }

    /**
     * Deterministic files: physician {@code i} refers to {@code (i + 1 + k * 7919) mod npis} for
     * {@code k = 0 … rows/npis - 1}, so every pair is distinct and no one refers to themself.
     */
    public static void generate(Path dir, int rows, int npis) throws IOException {
        List<String> columns = nppesColumns();
        int npiAt = columns.indexOf("NPI");
        int entityAt = columns.indexOf("Entity Type Code");
        int lastAt = columns.indexOf("Provider Last Name (Legal Name)");
        int firstAt = columns.indexOf("Provider First Name");
        int credentialAt = columns.indexOf("Provider Credential Text");
        int cityAt = columns.indexOf("Provider Business Practice Location Address City Name");
        int stateAt = columns.indexOf("Provider Business Practice Location Address State Name");
        int zipAt = columns.indexOf("Provider Business Practice Location Address Postal Code");
        int taxonomyAt = columns.indexOf("Healthcare Provider Taxonomy Code_1");
        int switchAt = columns.indexOf("Healthcare Provider Primary Taxonomy Switch_1");
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("nppes.csv"), StandardCharsets.UTF_8)) {
            writeQuoted(w, columns.toArray(String[]::new));
            String[] cells = new String[columns.size()];
            for (int i = 0; i < npis; i++) {
                Arrays.fill(cells, "");
                cells[npiAt] = npi(i);
                cells[entityAt] = "1";
                cells[lastAt] = "SURNAME" + i;
                cells[firstAt] = "GIVEN" + (i % 977);
                cells[credentialAt] = "M.D.";
                cells[cityAt] = "WORCESTER";
                cells[stateAt] = "MA";
                cells[zipAt] = String.format("01%03d", i % 1000);
                cells[taxonomyAt] = TAXONOMIES[i % TAXONOMIES.length];
                cells[switchAt] = "Y";
                writeQuoted(w, cells);
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("hop-teaming.csv"), StandardCharsets.UTF_8)) {
            w.write("from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait\n");
            eachReferral(rows, npis, r -> write(w, r));
        }
    }

    private static void eachReferral(int rows, int npis, Consumer<String[]> consumer) {
        for (int i = 0; i < rows; i++) {
            int from = i % npis;
            int k = i / npis;
            int to = (int) ((from + 1 + (long) k * 7919) % npis);
            int patients = 11 + (int) ((i * 31L) % 200);
            int transactions = patients + (int) ((i * 17L) % 300);
            consumer.accept(new String[] {npi(from), npi(to), String.valueOf(patients), String.valueOf(transactions),
                    String.format("%d.%02d", i % 90, i % 100), String.format("%d.%02d", i % 40, (i * 7) % 100)});
        }
    }

    /** The bulk loader takes its own headers; the data rows are the same. */
    private static void writeAdminFiles(Path input, Path dir) throws IOException {
        Files.writeString(dir.resolve("nodes-header.csv"), "npi:ID(Physician),lastName,firstName,taxonomyCode,state\n");
        Files.writeString(dir.resolve("referred-header.csv"),
                ":START_ID(Physician),:END_ID(Physician),patients:long,referrals:long,averageDayWait:double,stdDayWait:double\n");
        List<String> columns = nppesColumns();
        int[] keep = {columns.indexOf("NPI"), columns.indexOf("Provider Last Name (Legal Name)"),
                columns.indexOf("Provider First Name"), columns.indexOf("Healthcare Provider Taxonomy Code_1"),
                columns.indexOf("Provider Business Practice Location Address State Name")};
        try (var lines = Files.lines(input.resolve("nppes.csv")); var w = Files.newBufferedWriter(dir.resolve("nodes.csv"))) {
            lines.skip(1).forEach(line -> {
                String[] cells = line.substring(1, line.length() - 1).split("\",\"", -1);
                var kept = new String[keep.length];
                for (int i = 0; i < keep.length; i++) {
                    kept[i] = cells[keep[i]];
                }
                write(w, kept);
            });
        }
        try (var lines = Files.lines(input.resolve("hop-teaming.csv")); var w = Files.newBufferedWriter(dir.resolve("referred.csv"))) {
            lines.skip(1).forEach(line -> {
                try {
                    w.write(line);
                    w.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    static void writeQuoted(BufferedWriter w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write('"');
            w.write(cells[i]);
            w.write('"');
        }
        w.write('\n');
    }

    private static void write(BufferedWriter w, String[] cells) {
        try {
            w.write(String.join(",", cells));
            w.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
