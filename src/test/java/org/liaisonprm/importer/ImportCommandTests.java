package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.cli.Liaison;
import org.liaisonprm.graph.EmbeddedGraphServer;
import org.liaisonprm.graph.GraphProperties;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code liaison import ...}: exit codes, summary and the default error report, against a store of its
 * own, and refused against the store a running application holds; options checked against the format before
 * anything is read; help; a dry run that reports what the import reports and leaves the store as it was; no
 * user created by an import.
 */
@EmptyGraphTest
class ImportCommandTests {

    @Autowired
    GraphProperties runningStore;

    @TempDir
    Path dir;

    private static Imports.CommandRun run(String... args) {
        return Imports.command(args);
    }

    @Test
    void exitCodesSayWhetherRowsWereRefusedOrNothingImported() throws Exception {
        String store = "--liaison.graph.data-dir=" + dir.resolve("store");
        Path hop = Files.copy(Imports.sample("hop-teaming.csv"), dir.resolve("hop-teaming.csv"));
        Path nppes = Files.copy(Imports.sample("nppes.csv"), dir.resolve("nppes.csv"));

        var clean = run("--format=hop-teaming", "--file=" + hop, "--period=2015", store);
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).containsPattern("rows read\\s+180").containsPattern("imported\\s+180")
                .containsPattern("relationships\\s+180 created, 0 updated");
        assertThat(Files.readString(dir.resolve("hop-teaming.csv.errors.csv"))).isEqualTo(ErrorReport.HEADER + "\r\n");

        var refused = run("--file=" + nppes, "--errors=" + dir.resolve("nppes-report.csv"), store);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(3);
        assertThat(refused.output()).contains("Format nppes").containsPattern("refused\\s+13");
        assertThat(Files.readAllLines(dir.resolve("nppes-report.csv"))).hasSize(14);
        assertThat(dir.resolve("store").resolve(ImportReports.DIRECTORY))
                .as("the command line's report is where it was asked for, not in the data directory").doesNotExist();

        Path broken = Files.writeString(dir.resolve("broken.csv"), "from_npi,to_npi\n1234567893,1558598797\n");
        var missing = run("--format=hop-teaming", "--file=" + broken, "--period=2015", store);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.output()).contains("lacks the required columns patient_count, transaction_count");

        assertThat(run("--format=excel", "--file=" + hop).exit()).isEqualTo(2);
        assertThat(run("--format=nppes", "--file=" + dir.resolve("no-such.csv")).exit()).isEqualTo(2);
    }

    @Test
    void aStoreHeldByARunningServerIsRefusedWithDirections() throws Exception {
        Path hop = Files.copy(Imports.sample("hop-teaming.csv"), dir.resolve("hop-teaming.csv"));
        var locked = run("--format=hop-teaming", "--file=" + hop, "--period=2015",
                "--liaison.graph.data-dir=" + runningStore.dataDir());
        assertThat(locked.exit()).isEqualTo(2);
        assertThat(locked.output()).contains("in use by another process", "Nothing was imported",
                "the Import page (/import) or POST /api/imports");
    }

    @Test
    void unknownMisspeltAndOtherFormatsOptionsAreRefusedBeforeAnythingIsRead() throws Exception {
        Path store = dir.resolve("store");
        Path hop = Files.copy(Imports.sample("hop-teaming.csv"), dir.resolve("hop-teaming.csv"));
        Path nppes = Files.copy(Imports.sample("nppes.csv"), dir.resolve("nppes.csv"));
        String storeSetting = "--liaison.graph.data-dir=" + store;

        var unknown = run("--format=hop-teaming", "--period=2016", "--no-such-flag=3", "--file=" + hop, storeSetting);
        assertThat(unknown.exit()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).startsWith("Unknown option --no-such-flag.\n").contains(
                "Options of hop-teaming: --period, --from, --to, --min-transactions, --max-day-wait, --unknown-npi");

        var misspelt = run("--format=nppes", "--states=MA", "--file=" + nppes, storeSetting);
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.output()).startsWith("Unknown option --states: did you mean --state?\n")
                .contains("Options of nppes: --state");
        var misspeltFlag = run("--file=" + hop, "--period=2016", "--dryrun", storeSetting);
        assertThat(misspeltFlag.exit()).isEqualTo(2);
        assertThat(misspeltFlag.output()).startsWith("Unknown option --dryrun: did you mean --dry-run?");

        var otherFormat = run("--format=hop-teaming", "--period=2016", "--state=MA", "--file=" + hop, storeSetting);
        assertThat(otherFormat.exit()).isEqualTo(2);
        assertThat(otherFormat.output()).startsWith(
                "--state does not apply to hop-teaming (it is an option of nppes, hospitals, pos).\n")
                .contains("Options of hop-teaming: --period");
        // auto reads the first line only, then holds the options to the format it recognised
        var recognised = run("--file=" + hop, "--period=2016", "--state=MA", storeSetting);
        assertThat(recognised.exit()).isEqualTo(2);
        assertThat(recognised.output()).startsWith("--state does not apply to hop-teaming");

        var setting = run("--format=nppes", "--file=" + nppes, "--liasion.graph.data-dir=" + store);
        assertThat(setting.exit()).isEqualTo(2);
        assertThat(setting.output()).startsWith("Unknown option --liasion.graph.data-dir: did you mean --liaison.graph.data-dir?");
        var positional = run("import", "--file=" + hop, storeSetting);
        assertThat(positional.exit()).isEqualTo(2);
        assertThat(positional.output()).startsWith("Unexpected argument import");
        var noPeriod = run("--format=hop-teaming", "--file=" + hop, storeSetting);
        assertThat(noPeriod.exit()).isEqualTo(2);
        assertThat(noPeriod.output()).startsWith("hop-teaming needs the period the file covers: --period=YYYY");

        assertThat(store).as("no store was opened, let alone written").doesNotExist();
        assertThat(dir.resolve("hop-teaming.csv.errors.csv")).doesNotExist();
        assertThat(dir.resolve("nppes.csv.errors.csv")).doesNotExist();
    }

    /** The formats as docs/import-formats.md tabulates their options. */
    private static final Map<String, List<String>> OPTIONS = Map.ofEntries(
            Map.entry("nppes", List.of("state")),
            Map.entry("shared-patients", List.of("period", "from", "to", "window-days", "unknown-npi", "only-known-npis")),
            Map.entry("hop-teaming", List.of("period", "from", "to", "min-transactions", "max-day-wait", "unknown-npi",
                    "only-known-npis")),
            Map.entry("facility-affiliation", List.of("unknown-npi")),
            Map.entry("hospitals", List.of("state")),
            Map.entry("pos", List.of("state")),
            Map.entry("encounters", List.of("window-days", "unknown-npi", "only-known-npis")),
            Map.entry("synthea", List.of("window-days")),
            Map.entry("physicians", List.of()),
            Map.entry("practices", List.of()),
            Map.entry("facilities", List.of()),
            Map.entry("health-system-membership", List.of()),
            Map.entry("referrals", List.of("unknown-npi", "only-known-npis")));

    @Test
    void helpNamesEveryFormatWithItsOptionsTheirDefaultsTheExitCodesAndAnExample() throws Exception {
        var help = run("--help");
        assertThat(help.exit()).isZero();

        var listed = new LinkedHashMap<String, List<String>>();
        String format = null;
        for (String line : help.output().lines().toList()) {
            var formatLine = Pattern.compile("^  ([a-z][a-z-]*) {2,}").matcher(line);
            var optionLine = Pattern.compile("^ {6}--([a-z-]+)[= ]").matcher(line);
            if (formatLine.find() && !formatLine.group(1).equals("auto")) {
                format = formatLine.group(1);
                listed.put(format, new ArrayList<>());
            } else if (optionLine.find() && format != null) {
                listed.get(format).add(optionLine.group(1));
            }
        }
        assertThat(listed).isEqualTo(OPTIONS);
        assertThat(help.output()).contains("auto", "--file=PATH", "--errors=PATH", "--dry-run",
                "--window-days=N", "(default: 30)", "--unknown-npi=stub|refuse", "(default: stub)",
                "--period=YYYY", "(required, or --from and --to)", "--state=MA[,NH…]", "(default: all states)",
                "Exit codes:", "  0  every row was accepted", "  3  the import finished, some rows were refused",
                "  2  nothing was imported", "Example:\n  java -jar liaison.jar import --format=hop-teaming");

        var bytes = new ByteArrayOutputStream();
        int bare = new ImportCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[0]);
        assertThat(bare).as("import without arguments").isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(help.output());

        assertThat(Files.readString(Path.of("docs", "import-formats.md"))).as("docs/import-formats.md shows import --help")
                .contains(ImportCommand.usage());
    }

    @Test
    void theApplicationsHelpListsItsCommands() throws Exception {
        var bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Liaison.main(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar liaison.jar [COMMAND]")
                .contains("(none)", "serve the application", "import --file=PATH", "import --help",
                        "bench reports|network|import");
    }

    /**
     * A store holding the registry; a referral file with refused rows run dry, then for real: the same counts
     * and error report, and only the real import changes the store.
     */
    @Test
    void aDryRunReportsWhatTheImportWouldAndLeavesTheStoreAsItWas() throws Exception {
        Path store = dir.resolve("store");
        String storeSetting = "--liaison.graph.data-dir=" + store;
        Path nppes = Files.copy(Imports.sample("nppes.csv"), dir.resolve("nppes.csv"));
        assertThat(run("--file=" + nppes, storeSetting).exit()).isEqualTo(3);
        var before = fingerprint(store);

        var lines = new ArrayList<>(Files.readAllLines(Imports.sample("hop-teaming.csv"), StandardCharsets.UTF_8));
        lines.add(lines.get(5));
        lines.add("1234567893,1558598797,40,30,1,1");
        lines.add("1234567893,1234567893,4,30,1,1");
        Path hop = Imports.write(dir, "hop.csv", String.join("\n", lines) + "\n");
        var dry = run("--file=" + hop, "--period=2015", "--unknown-npi=refuse", "--dry-run", "--errors=" + dir.resolve("dry.csv"),
                storeSetting);
        assertThat(dry.exit()).as(dry.output()).isEqualTo(3);
        assertThat(fingerprint(store)).as("the store after the dry run").isEqualTo(before);

        var real = run("--file=" + hop, "--period=2015", "--unknown-npi=refuse", "--errors=" + dir.resolve("real.csv"),
                storeSetting);
        assertThat(real.exit()).as(real.output()).isEqualTo(3);
        assertThat(counts(dry.output())).isEqualTo(counts(real.output())).hasSize(4);
        assertThat(counts(real.output()).get(3)).doesNotEndWith(" 0");
        assertThat(dry.output()).startsWith("Dry run: the file was read and checked as an import would; nothing was "
                + "written to the graph.").contains("nodes and relationships: not counted by a dry run");
        assertThat(Imports.errorLines(dir.resolve("dry.csv"))).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(Imports.errorLines(dir.resolve("real.csv")));
        assertThat(fingerprint(store)).as("the store after the import").isNotEqualTo(before);
    }

    @Test
    void anImportIntoAnEmptyStoreCreatesNoUser() throws Exception {
        Path store = dir.resolve("store");
        Path hop = Files.copy(Imports.sample("hop-teaming.csv"), dir.resolve("hop-teaming.csv"));
        var imported = run("--file=" + hop, "--period=2015", "--liaison.graph.data-dir=" + store);
        assertThat(imported.exit()).as(imported.output()).isZero();

        var graph = fingerprint(store);
        assertThat(graph.get("users")).as("users in the store").isEqualTo(0L);
        assertThat(graph.get("imports")).isEqualTo(1L);
        assertThat((List<?>) graph.get("labels")).anyMatch(label -> label.toString().startsWith("Physician "));
    }

    /** The summary's row counts: rows read, imported, skipped, refused. */
    private static List<String> counts(String output) {
        return output.lines().filter(l -> l.matches("  (rows read|imported|skipped|refused) .*"))
                .map(l -> l.replaceAll("\\s+see .*", "").replaceAll("\\s+", " ").strip()).toList();
    }

    /** Counts by label and type in a store the command has closed, opened on its own. */
    private static Map<String, Object> fingerprint(Path store) {
        try (var server = EmbeddedGraphServer.start(store, "127.0.0.1", 0, null, Map.of("server.memory.pagecache.size", "64m"));
             var driver = GraphDatabase.driver(server.boltUri(), server.authToken()); var session = driver.session()) {
            return session.run("""
                    CALL () { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS n ORDER BY label
                              RETURN collect(label + ' ' + n) AS labels }
                    CALL () { MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n ORDER BY type
                              RETURN collect(type + ' ' + n) AS types }
                    CALL () { MATCH (n) RETURN sum(size(keys(n))) AS properties, count(DISTINCT n.importId) AS importIds }
                    CALL () { MATCH (u:User) RETURN count(u) AS users }
                    CALL () { MATCH (i:ImportRun) RETURN count(i) AS imports }
                    RETURN labels, types, properties, importIds, users, imports
                    """).single().asMap();
        }
    }
}
