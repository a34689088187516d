package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.graph.EmbeddedGraphServer;
import org.liaisonprm.graph.GraphProperties;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code liaison import ...}: exit codes, summary and the default error report, against a store of its
 * own, and refused against the store a running application holds; no user created by an import.
 */
@EmptyGraphTest
class ImportCommandTests {

    @Autowired
    GraphProperties runningStore;

    @TempDir
    Path dir;

    private record Outcome(int exit, String output) {
    }

    private Outcome run(String... args) {
        var bytes = new ByteArrayOutputStream();
        var all = new ArrayList<>(List.of(args));
        all.add("--liaison.graph.bolt-port=0");
        all.add("--liaison.graph.settings[server.memory.pagecache.size]=64m");
        int exit = new ImportCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(all.toArray(String[]::new));
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8));
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
