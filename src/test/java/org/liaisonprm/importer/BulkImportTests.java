package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.graph.EmbeddedGraphServer;
import org.liaisonprm.physician.Npi;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code import --bulk}: the same files loaded into a new store by the offline importer and by the transactional
 * import end in the same graph, the same refusals, error reports and exit codes; a store that holds anything,
 * a format the bulk load does not read and two registry files are refused with exit code 2, writing nothing.
 * <p>
 * The files, by hand: physicians A (cardiology), B, a repeated row of B (refused), C without a last name
 * (refused), organisation O, and deactivated D. Hop teaming of 2015: A→B, A→O (to the practice), B→S and
 * B→T (S and T unknown: stubs), a repeat of A→B (refused), A→A (refused), and a row with more patients than
 * referrals (refused). A later registry file in the second order makes S a physician and T a practice.
 */
class BulkImportTests {

    @TempDir
    Path dir;

    private static final String A = npi(1);
    private static final String B = npi(2);
    private static final String C = npi(3);
    private static final String O = npi(4);
    private static final String D = npi(5);
    private static final String S = npi(6);
    private static final String T = npi(7);

    private static String npi(int i) {
        return Npi.withCheckDigit(String.valueOf(100_000_000 + i));
    }

    private static Imports.CommandRun run(String... args) {
        return Imports.command(args);
    }

    private Path registry(String name, boolean withStubs) {
        var rows = new ArrayList<Map<String, String>>();
        var a = new java.util.HashMap<>(NppesFiles.individual(A, "AVERY", "ANN", "MA"));
        a.put(NppesLoader.CREDENTIAL, "M.D.");
        a.put("Healthcare Provider Taxonomy Code_1", "207RC0000X");
        rows.add(a);
        var b = new java.util.HashMap<>(NppesFiles.individual(B, "O\"\"BRIEN", "BEN", "MA"));
        b.put("Healthcare Provider Taxonomy Code_1", "208600000X");
        rows.add(b);
        rows.add(NppesFiles.individual(B, "BROWN", "BEN", "MA"));
        rows.add(NppesFiles.individual(C, "", "CARL", "MA"));
        rows.add(NppesFiles.organisation(O, "OAK STREET CLINIC", "MA"));
        rows.add(Map.of(NppesLoader.NPI, D, NppesLoader.DEACTIVATED, "05/01/2014"));
        rows.add(NppesFiles.individual(D, "DOE", "DANA", "MA"));
        if (withStubs) {
            rows.add(NppesFiles.individual(S, "SMITH", "SAM", "MA"));
            rows.add(NppesFiles.organisation(T, "TOWN HEALTH", "MA"));
        }
        return NppesFiles.write(dir, name, rows);
    }

    private Path hopTeaming() throws Exception {
        return Imports.write(dir, "hop.csv", String.join("\n",
                "from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait",
                A + "," + B + ",20,40,3.5,1.25",
                A + "," + O + ",11,15,,",
                B + "," + S + ",12,30,10,2",
                B + "," + T + ",13,31,10,2",
                A + "," + B + ",20,40,3.5,1.25",
                A + "," + A + ",20,40,3.5,1.25",
                D + "," + A + ",50,40,3.5,1.25") + "\n");
    }

    @Test
    void aBulkLoadEndsInTheGraphTheTransactionalImportWritesWithTheSameRefusals() throws Exception {
        Path nppes = registry("nppes.csv", false);
        Path hop = hopTeaming();
        Path bulkStore = dir.resolve("bulk");
        var bulk = run("--bulk", "--file=" + nppes, "--errors=" + dir.resolve("bulk-nppes.csv"),
                "--file=" + hop, "--period=2015", "--errors=" + dir.resolve("bulk-hop.csv"),
                "--liaison.graph.data-dir=" + bulkStore);
        Path store = dir.resolve("transactional");
        var first = run("--file=" + nppes, "--errors=" + dir.resolve("tx-nppes.csv"), "--liaison.graph.data-dir=" + store);
        var second = run("--file=" + hop, "--period=2015", "--errors=" + dir.resolve("tx-hop.csv"),
                "--liaison.graph.data-dir=" + store);

        assertThat(bulk.exit()).as(bulk.output()).isEqualTo(3);
        assertThat(first.exit()).as(first.output()).isEqualTo(3);
        assertThat(second.exit()).as(second.output()).isEqualTo(3);
        assertThat(summaries(bulk.output())).isEqualTo(List.of(summary(first.output()), summary(second.output())));
        assertThat(Imports.errorLines(dir.resolve("bulk-nppes.csv"))).hasSize(2)
                .containsExactlyInAnyOrderElementsOf(Imports.errorLines(dir.resolve("tx-nppes.csv")));
        assertThat(Imports.errorLines(dir.resolve("bulk-hop.csv"))).hasSize(3)
                .containsExactlyInAnyOrderElementsOf(Imports.errorLines(dir.resolve("tx-hop.csv")));

        var graph = graph(bulkStore);
        assertThat(graph).isEqualTo(graph(store));
        // worked by hand: A, B, D and the stubs S and T are physicians, O a practice; four referrals
        assertThat(graph.get("nodes")).asList().filteredOn(n -> n.toString().startsWith("[Physician]")).hasSize(5);
        assertThat(graph.get("nodes")).asList().filteredOn(n -> n.toString().startsWith("[Practice]")).singleElement()
                .asString().contains("name=OAK STREET CLINIC", "npi=" + O);
        assertThat(graph.get("nodes").toString()).contains("lastName=O\"Brien", "active=false", "name=NPI " + S);
        assertThat(graph.get("referrals")).asList().hasSize(4)
                .anyMatch(r -> r.toString().startsWith(A + "->" + B + " ") && r.toString().contains("serviceLine=General Surgery")
                        && r.toString().contains("averageDayWait=3.5"))
                .anyMatch(r -> r.toString().startsWith(A + "->" + O + " ") && r.toString().contains("serviceLine=Other"));
        assertThat(graph.get("imports")).isEqualTo(2L);
        assertThat(graph.get("rollup")).isEqualTo(graph(store).get("rollup")).isNotEqualTo(0L);
    }

    @Test
    void stubsOfAnEarlierReferralFileBecomePhysiciansAndPracticesAsInTheTransactionalImport() throws Exception {
        Path nppes = registry("later.csv", true);
        Path hop = hopTeaming();
        Path bulkStore = dir.resolve("bulk");
        var bulk = run("--bulk", "--file=" + hop, "--period=2015", "--file=" + nppes,
                "--liaison.graph.data-dir=" + bulkStore);
        Path store = dir.resolve("transactional");
        run("--file=" + hop, "--period=2015", "--liaison.graph.data-dir=" + store);
        run("--file=" + nppes, "--liaison.graph.data-dir=" + store);

        assertThat(bulk.exit()).as(bulk.output()).isEqualTo(3);
        var graph = graph(bulkStore);
        assertThat(graph).isEqualTo(graph(store));
        assertThat(graph.get("nodes").toString()).contains("name=Sam Smith", "name=TOWN HEALTH").doesNotContain("stub=true");
        assertThat(graph.get("referrals")).asList().anyMatch(r -> r.toString().startsWith(B + "->" + T + " "));
    }

    @Test
    void aStoreThatHoldsAnythingIsRefusedWithExitCodeTwoAndLeftAsItWas() throws Exception {
        Path store = dir.resolve("store");
        Path hop = hopTeaming();
        assertThat(run("--file=" + hop, "--period=2015", "--liaison.graph.data-dir=" + store).exit()).isEqualTo(3);
        var before = graph(store);

        var refused = run("--bulk", "--file=" + registry("nppes.csv", false), "--liaison.graph.data-dir=" + store);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("is not empty: it holds", "Physician", "ImportRun")
                .contains("Nothing was imported; import into this store without --bulk.");
        assertThat(graph(store)).isEqualTo(before);
    }

    @Test
    void otherFormatsTwoRegistriesAndAWholeFileRefusedWriteNothing() throws Exception {
        Path store = dir.resolve("store");
        Path nppes = registry("nppes.csv", false);
        var facilities = run("--bulk", "--file=" + Imports.sample("hospital-general-information.csv"),
                "--liaison.graph.data-dir=" + store);
        assertThat(facilities.exit()).as(facilities.output()).isEqualTo(2);
        assertThat(facilities.output()).contains("--bulk reads nppes, hop-teaming and shared-patients files");

        var two = run("--bulk", "--file=" + nppes, "--file=" + registry("again.csv", false), "--liaison.graph.data-dir=" + store);
        assertThat(two.exit()).as(two.output()).isEqualTo(2);
        assertThat(two.output()).contains("--bulk reads one nppes file");

        var wrongOption = run("--bulk", "--file=" + nppes, "--period=2015", "--liaison.graph.data-dir=" + store);
        assertThat(wrongOption.exit()).as(wrongOption.output()).isEqualTo(2);
        assertThat(wrongOption.output()).contains("--period does not apply to nppes");

        Path headless = Imports.write(dir, "bad-hop.csv", "from_npi,to_npi\n" + A + "," + B + "\n");
        var wholeFile = run("--bulk", "--file=" + nppes, "--file=" + headless, "--format=hop-teaming", "--period=2015",
                "--liaison.graph.data-dir=" + store);
        assertThat(wholeFile.exit()).as(wholeFile.output()).isEqualTo(2);
        assertThat(wholeFile.output()).contains("lacks the required column", "Nothing was imported");
        try (var left = Files.list(store)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("bulk-import-"));
        }
        assertThat(graph(store).get("nodes")).asList().isEmpty();
    }

    /** The rows read, imported, skipped and refused of each file of the output, in order. */
    private static List<List<String>> summaries(String output) {
        var all = new ArrayList<List<String>>();
        var current = new ArrayList<String>();
        for (String line : output.lines().toList()) {
            if (line.matches("  (rows read|imported|skipped|refused|nodes|relationships) .*")) {
                current.add(line.replaceAll("\\s+see .*", "").replaceAll("\\s+", " ").strip());
                if (line.startsWith("  relationships")) {
                    all.add(current);
                    current = new ArrayList<>();
                }
            }
        }
        return all;
    }

    private static List<String> summary(String output) {
        return summaries(output).get(0);
    }

    /**
     * Every physician and practice with its labels and properties, every referral with its ends' NPIs and
     * properties (the import ids, different by nature, left out), the import records and the rollup's size.
     */
    private static Map<String, Object> graph(Path store) {
        try (var server = EmbeddedGraphServer.start(store, "127.0.0.1", 0, null, Map.of("server.memory.pagecache.size", "64m"));
             var driver = GraphDatabase.driver(server.boltUri(), server.authToken()); var session = driver.session()) {
            var nodes = session.run("MATCH (n) WHERE n:Physician OR n:Practice RETURN labels(n) AS labels, properties(n) AS p")
                    .list(r -> r.get("labels").asList() + " " + withoutImportId(r.get("p").asMap()));
            var referrals = session.run("MATCH (a)-[r:REFERRED]->(b) RETURN a.npi AS a, b.npi AS b, properties(r) AS p")
                    .list(r -> r.get("a").asString() + "->" + r.get("b").asString() + " " + withoutImportId(r.get("p").asMap()));
            long imports = session.run("MATCH (i:ImportRun {status: 'DONE'}) RETURN count(i) AS n").single().get("n").asLong();
            long rollup = session.run("MATCH ()-[r]->() WHERE type(r) <> 'REFERRED' RETURN count(r) AS n").single().get("n").asLong()
                    + session.run("MATCH (n) WHERE NOT n:Physician AND NOT n:Practice AND NOT n:ImportRun "
                    + "AND NOT n:SchemaMigration RETURN count(n) AS n").single().get("n").asLong();
            return Map.of("nodes", nodes.stream().sorted().toList(), "referrals", referrals.stream().sorted().toList(),
                    "imports", imports, "rollup", rollup);
        }
    }

    private static String withoutImportId(Map<String, Object> properties) {
        var sorted = new TreeMap<>(properties);
        sorted.remove("importId");
        return sorted.toString();
    }
}
