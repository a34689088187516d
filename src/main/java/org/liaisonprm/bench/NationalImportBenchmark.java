package org.liaisonprm.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.liaisonprm.graph.Graph;
import org.liaisonprm.importer.ImportFormat;
import org.liaisonprm.importer.ImportOptions;
import org.liaisonprm.importer.ImportSummary;
import org.liaisonprm.importer.Importer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two runs of {@code bench import} at the size of the files a team downloads (docs/benchmarks.md):
 * <ul>
 *   <li>{@code --run=national}: a national-shaped NPPES file (all 330 columns, 1 % of its rows in the chosen
 *   state) and a hop-teaming file (3 % of its rows touching that state's NPIs), loaded with {@code --state}
 *   and {@code --only-known-npis}, beside a plain Python {@code csv.reader} pass over the same NPPES file;</li>
 *   <li>{@code --run=encounters}: encounter lines derived into referrals, checked against the derivation of
 *   a file small enough to be held in memory whole.</li>
 * </ul>
 * Run them under {@code -Xmx1g}: peak heap is reported.
 */
final class NationalImportBenchmark {

    static final String STATE = "MA";
    private static final String[] OTHER_STATES = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY"};
    private static final String[] TAXONOMIES = {"207Q00000X", "207R00000X", "207X00000X", "207RC0000X",
            "2084N0400X", "208600000X", "207V00000X", "2085R0202X"};

    /** Every hundredth registry row is in the state; the hop-teaming rows touching it are 3 in every 100. */
    private static final int STATE_EVERY = 100;
    private static final int TOUCHING_PER_HUNDRED = 3;

    private NationalImportBenchmark() {
    }

    /** The national-shaped run. */
    static void national(Map<String, String> options) throws Exception {
        int nppesRows = Integer.parseInt(options.getOrDefault("nppes-rows", "2000000"));
        int hopRows = Integer.parseInt(options.getOrDefault("hop-rows", "5000000"));
        PrintStream out = System.out;
        out.printf("National-shaped import: NPPES %,d rows (1 %% in %s), hop teaming %,d rows (3 %% touching it), "
                + "max heap %,d MB%n", nppesRows, STATE, hopRows, Runtime.getRuntime().maxMemory() >> 20);
        ReportBenchmark.printMachine();
        Path work = Files.createTempDirectory("liaison-bench-national");
        try {
            Path input = Files.createDirectories(work.resolve("input"));
            long started = System.nanoTime();
            Path nppes = input.resolve("nppes.csv");
            Path hop = input.resolve("hop-teaming.csv");
            generateNppes(nppes, nppesRows);
            generateHopTeaming(hop, nppesRows, hopRows);
            out.printf("Files generated in %,d ms: nppes.csv %,d MB, hop-teaming.csv %,d MB%n%n",
                    (System.nanoTime() - started) / 1_000_000, Files.size(nppes) >> 20, Files.size(hop) >> 20);
            // the files were just written: flush them to disk and read each once, so that every reader starts from
            // the page cache and none competes with the write-back
            sync();
            warm(nppes);
            warm(hop);

            Anchor anchor = python(nppes);
            ImportBenchmark.Run registry;
            ImportBenchmark.Run referrals;
            var summaries = new ArrayList<ImportSummary>();
            try (ConfigurableApplicationContext context = ImportBenchmark.start(work.resolve("store"), input)) {
                var importer = context.getBean(Importer.class);
                Graph graph = context.getBean(Graph.class);
                registry = ImportBenchmark.measure("Liaison nppes --state=" + STATE, nppesRows,
                        () -> summaries.add(load(importer, ImportFormat.NPPES, nppes, Map.of("state", STATE), work)), null);
                referrals = ImportBenchmark.measure("Liaison hop-teaming --only-known-npis", hopRows,
                        () -> summaries.add(load(importer, ImportFormat.HOP_TEAMING, hop,
                                Map.of("period", "2024", "only-known-npis", "true"), work)), graph);
            }
            out.printf("%n%-44s %10s %14s %12s %14s%n", "pass", "wall s", "rows read/s", "MB/s", "peak heap MB");
            if (anchor != null) {
                out.printf("%-44s %10.1f %,14.0f %,12.0f %14s   (%,d rows in %s)%n", "Python csv.reader, counting the state's rows",
                        anchor.millis() / 1000.0, nppesRows * 1000.0 / anchor.millis(),
                        (Files.size(nppes) >> 20) * 1000.0 / anchor.millis(), "-", anchor.count(), STATE);
            }
            out.printf("%-44s %10.1f %,14.0f %,12.0f %,14d   %s%n", registry.name(), registry.millis() / 1000.0,
                    registry.rowsPerSecond(), (Files.size(nppes) >> 20) * 1000.0 / registry.millis(),
                    registry.peakHeapBytes() >> 20, summaries.get(0).describe());
            out.printf("%-44s %10.1f %,14.0f %,12.0f %,14d   %s%n", referrals.name(), referrals.millis() / 1000.0,
                    referrals.rowsPerSecond(), (Files.size(hop) >> 20) * 1000.0 / referrals.millis(),
                    referrals.peakHeapBytes() >> 20, summaries.get(1).describe());
            out.printf("Whole load: %.1f s; graph %s%n", (registry.millis() + referrals.millis()) / 1000.0, referrals.graph());
            if (anchor != null) {
                out.printf("Liaison's filtered NPPES pass / Python's csv.reader pass: %.2f× as fast%n",
                        (double) anchor.millis() / registry.millis());
            }
            long expectedPhysicians = nppesRows / STATE_EVERY;
            out.printf("Expected: %,d registry rows in %s, %,d hop-teaming rows touching them%n", expectedPhysicians, STATE,
                    (long) hopRows / 100 * TOUCHING_PER_HUNDRED + Math.min(hopRows % 100, TOUCHING_PER_HUNDRED));
        } finally {
            ReportBenchmark.delete(work);
        }
    }

    /** The encounters run. */
    static void encounters(Map<String, String> options) throws Exception {
        int lines = Integer.parseInt(options.getOrDefault("lines", "5000000"));
        int copies = Integer.parseInt(options.getOrDefault("copies", "25"));
        int small = lines / copies;
        PrintStream out = System.out;
        out.printf("Encounters: %,d lines made of %d copies of a %,d-line pattern (distinct patients), max heap %,d MB%n",
                (long) small * copies, copies, small, Runtime.getRuntime().maxMemory() >> 20);
        ReportBenchmark.printMachine();
        Path work = Files.createTempDirectory("liaison-bench-encounters");
        try {
            Path input = Files.createDirectories(work.resolve("input"));
            Path pattern = input.resolve("encounters-pattern.csv");
            Path whole = input.resolve("encounters.csv");
            long started = System.nanoTime();
            generateEncounters(pattern, small, 1);
            generateEncounters(whole, small, copies);
            out.printf("Files generated in %,d ms: %s %,d MB, %s %,d MB%n%n", (System.nanoTime() - started) / 1_000_000,
                    pattern.getFileName(), Files.size(pattern) >> 20, whole.getFileName(), Files.size(whole) >> 20);
            ImportBenchmark.Run inMemory;
            ImportBenchmark.Run sorted;
            var summaries = new ArrayList<ImportSummary>();
            try (ConfigurableApplicationContext context = ImportBenchmark.start(work.resolve("small"), input)) {
                inMemory = ImportBenchmark.measure("pattern, " + small + " lines (held in memory)", small,
                        () -> summaries.add(load(context.getBean(Importer.class), ImportFormat.ENCOUNTERS, pattern,
                                Map.of(), work)), context.getBean(Graph.class));
            }
            try (ConfigurableApplicationContext context = ImportBenchmark.start(work.resolve("whole"), input)) {
                sorted = ImportBenchmark.measure("whole file, " + (long) small * copies + " lines (external sort)",
                        (long) small * copies, () -> summaries.add(load(context.getBean(Importer.class),
                                ImportFormat.ENCOUNTERS, whole, Map.of(), work)), context.getBean(Graph.class));
            }
            out.printf("%n%-44s %10s %14s %14s  %s%n", "derivation", "wall s", "lines/s", "peak heap MB", "graph");
            for (var run : List.of(inMemory, sorted)) {
                out.printf("%-44s %10.1f %,14.0f %,14d  %s%n", run.name(), run.millis() / 1000.0, run.rowsPerSecond(),
                        run.peakHeapBytes() >> 20, run.graph());
            }
            out.printf("Summaries: %s%n           %s%n", summaries.get(0).describe(), summaries.get(1).describe());
            var a = inMemory.graph();
            var b = sorted.graph();
            boolean same = a.get("referred").equals(b.get("referred"))
                    && b.get("referrals") == a.get("referrals") * copies && b.get("patients") == a.get("patients") * copies
                    && summaries.get(1).sameDayVisits() == summaries.get(0).sameDayVisits() * copies;
            out.println(same ? "The whole file derives " + copies + " times the pattern's referrals, patients and same-day "
                    + "visits, into the same relationships." : "THE DERIVATIONS DIFFER: see the table above.");
        } finally {
            ReportBenchmark.delete(work);
        }
    }

    private static ImportSummary load(Importer importer, ImportFormat format, Path file, Map<String, String> options,
                                      Path work) {
        var result = importer.run(new Importer.Request(format, file, file.getFileName().toString(),
                ImportOptions.parse(options), work.resolve(file.getFileName() + ".errors.csv"), "benchmark"),
                Importer.Progress.NONE);
        System.out.printf("  %s: %s in %,d ms%n", file.getFileName(), result.summary().describe(), result.durationMs());
        return result.summary();
    }

    /**
     * Registry rows {@code 0 … rows-1}: every hundredth in the state; one in ten an organisation; the others
     * individuals spread over the other states. All 330 columns, every field quoted as the registry writes
     * them, about a thousand bytes a row.
     */
    static void generateNppes(Path file, int rows) throws IOException {
        List<String> columns = ImportBenchmark.nppesColumns();
        int npiAt = columns.indexOf("NPI");
        int entityAt = columns.indexOf("Entity Type Code");
        int organizationAt = columns.indexOf("Provider Organization Name (Legal Business Name)");
        int lastAt = columns.indexOf("Provider Last Name (Legal Name)");
        int firstAt = columns.indexOf("Provider First Name");
        int credentialAt = columns.indexOf("Provider Credential Text");
        int addressAt = columns.indexOf("Provider First Line Business Practice Location Address");
        int cityAt = columns.indexOf("Provider Business Practice Location Address City Name");
        int stateAt = columns.indexOf("Provider Business Practice Location Address State Name");
        int zipAt = columns.indexOf("Provider Business Practice Location Address Postal Code");
        int mailingStateAt = columns.indexOf("Provider Business Mailing Address State Name");
        int enumeratedAt = columns.indexOf("Provider Enumeration Date");
        int updatedAt = columns.indexOf("Last Update Date");
        int taxonomyAt = columns.indexOf("Healthcare Provider Taxonomy Code_1");
        int licenceAt = columns.indexOf("Provider License Number_1");
        int switchAt = columns.indexOf("Healthcare Provider Primary Taxonomy Switch_1");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            ImportBenchmark.writeQuoted(w, columns.toArray(String[]::new));
            String[] cells = new String[columns.size()];
            for (int i = 0; i < rows; i++) {
                Arrays.fill(cells, "");
                String state = i % STATE_EVERY == 0 ? STATE : OTHER_STATES[(i / 7) % OTHER_STATES.length];
                cells[npiAt] = ImportBenchmark.npi(i);
                if (i % 10 == 3) {
                    cells[entityAt] = "2";
                    cells[organizationAt] = "GROUP PRACTICE " + i + " LLC";
                } else {
                    cells[entityAt] = "1";
                    cells[lastAt] = "SURNAME" + i;
                    cells[firstAt] = "GIVEN" + (i % 977);
                    cells[credentialAt] = "M.D.";
                }
                cells[addressAt] = (i % 900 + 1) + " MAIN ST";
                cells[cityAt] = "SPRINGFIELD";
                cells[stateAt] = state;
                cells[mailingStateAt] = state;
                cells[zipAt] = String.format("0%04d1234", i % 10_000);
                cells[enumeratedAt] = "05/23/2007";
                cells[updatedAt] = "07/08/2021";
                cells[taxonomyAt] = TAXONOMIES[i % TAXONOMIES.length];
                cells[licenceAt] = "L" + i;
                cells[switchAt] = "Y";
                ImportBenchmark.writeQuoted(w, cells);
            }
        }
    }

    /**
     * Distinct pairs among the registry's NPIs: rows {@code r} with {@code r mod 100 < 3} have one end in the
     * state (row {@code 100 s} of the registry) and the other just after it, eight partners per state NPI
     * before they repeat with another offset; every other row joins two NPIs outside the state.
     */
    static void generateHopTeaming(Path file, int registryRows, int rows) throws IOException {
        int inState = (registryRows + STATE_EVERY - 1) / STATE_EVERY;
        int outside = registryRows - inState;
        long touching = 0;
        long elsewhere = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            w.write("from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait\n");
            for (int r = 0; r < rows; r++) {
                int from;
                int to;
                if (r % 100 < TOUCHING_PER_HUNDRED) {
                    long k = touching++;
                    int s = (int) (k % inState);
                    int partner = s * STATE_EVERY + 1 + (int) ((k / inState) % (STATE_EVERY - 1));
                    partner = Math.min(partner, registryRows - 1);
                    boolean sends = k % 2 == 0;
                    from = sends ? s * STATE_EVERY : partner;
                    to = sends ? partner : s * STATE_EVERY;
                } else {
                    long m = elsewhere++;
                    int a = (int) (m % outside);
                    int b = (int) ((a + 1 + (m / outside) * 7919) % outside);
                    from = outsideRow(a);
                    to = outsideRow(b);
                }
                int patients = 11 + (r * 31) % 200;
                int transactions = patients + (r * 17) % 300;
                w.write(ImportBenchmark.npi(from));
                w.write(',');
                w.write(ImportBenchmark.npi(to));
                w.write(',');
                w.write(Integer.toString(patients));
                w.write(',');
                w.write(Integer.toString(transactions));
                w.write(',');
                w.write(Integer.toString(r % 90));
                w.write(".5,");
                w.write(Integer.toString(r % 40));
                w.write(".25\n");
            }
        }
    }

    /** The registry row of the {@code x}-th NPI outside the state. */
    private static int outsideRow(int x) {
        return x / (STATE_EVERY - 1) * STATE_EVERY + x % (STATE_EVERY - 1) + 1;
    }

    /**
     * {@code copies} copies of a pattern of {@code lines} encounter lines, each copy with patients of its own,
     * written visit by visit so that a patient's encounters lie far apart in the file. The pattern: patients of
     * ten encounters each with a care team of five among 1,000 providers over 2024, some on the same day.
     */
    static void generateEncounters(Path file, int lines, int copies) throws IOException {
        String[] payers = {"Medicare", "Commercial", "Medicaid", "Self-pay", "Commercial"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            w.write("patient_id,provider_id,organization_id,service_date,payer_type,service_line\n");
            LocalDate start = LocalDate.of(2024, 1, 1);
            int patients = lines / 10;
            // visit by visit: a patient's ten encounters lie a tenth of the file apart
            for (int visit = 0; visit < 10; visit++) {
                for (int patient = 0; patient < patients; patient++) {
                    int provider = (patient * 37 + (visit * visit + patient) % 5 * 211) % 1000;
                    int gap = 3 + patient % 11;
                    // the fourth visit of every tenth falls on the third's day
                    int day = (patient * 13) % 200 + visit * gap - (visit % 4 == 3 ? gap : 0);
                    String date = start.plusDays(day).toString();
                    String payer = payers[(patient + visit) % payers.length];
                    String id = provider % 4 == 0 ? "LOCAL-" + provider : ImportBenchmark.npi(provider);
                    for (int c = 0; c < copies; c++) {
                        w.write("C" + c + "-P" + patient);
                        w.write(',');
                        w.write(id);
                        w.write(",ORG");
                        w.write(Integer.toString(provider % 50));
                        w.write(',');
                        w.write(date);
                        w.write(',');
                        w.write(payer);
                        w.write(",\n");
                    }
                }
            }
        }
    }

    /** The Python pass: how long a plain single-threaded {@code csv.reader} takes to count the state's rows. */
    private record Anchor(long millis, long count) {
    }

    private static Anchor python(Path nppes) throws IOException, InterruptedException {
        String script = """
                import csv, sys
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    rows = csv.reader(f)
                    at = next(rows).index('Provider Business Practice Location Address State Name')
                    print(sum(1 for row in rows if row[at] == sys.argv[2]))
                """;
        Path file = nppes.resolveSibling("count_state.py");
        Files.writeString(file, script);
        System.out.println("Python csv.reader over nppes.csv ...");
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder("python3", file.toString(), nppes.toString(), STATE).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("  python3 is not installed: the reading anchor is left out");
            return null;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
            System.out.println("  python3 failed: " + output);
            return null;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("  %s rows in %s, %,d ms%n", output, STATE, millis);
        return new Anchor(millis, Long.parseLong(output));
    }

    private static void sync() throws InterruptedException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor(10, TimeUnit.MINUTES);
        } catch (IOException e) {
            // no sync command: the write-back then overlaps the first reader
        }
    }

    private static void warm(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            while (in.read(buffer) > 0) {
                // read through once
            }
        }
    }
}
