package org.liaisonprm.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;

/**
 * Helpers of the importer tests: sample files from test resources, small files written on the spot, a
 * run with its error report, and the graph's counts and sums.
 */
final class Imports {

    private Imports() {
    }

    static Path sample(String name) {
        try {
            return Path.of(Imports.class.getResource("/importer/samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(Imports.class.getResource("/importer/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Importer.Result run(Importer importer, ImportFormat format, Path file, Path errors, Map<String, String> options) {
        return importer.run(new Importer.Request(format, file, file.getFileName().toString(), ImportOptions.parse(options),
                errors, "tester"), Importer.Progress.NONE);
    }

    /** How {@code liaison import …} ended: its exit code and what it printed. */
    record CommandRun(int exit, String output) {
    }

    /** Runs {@code liaison import …} with a free Bolt port and a small page cache, capturing what it prints. */
    static CommandRun command(String... args) {
        var bytes = new java.io.ByteArrayOutputStream();
        var all = new java.util.ArrayList<>(List.of(args));
        all.add("--liaison.graph.bolt-port=0");
        all.add("--liaison.graph.settings[server.memory.pagecache.size]=64m");
        int exit = new ImportCommand(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
        return new CommandRun(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The error report's lines after the header. */
    static List<String> errorLines(Path report) {
        try {
            List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
            return lines.subList(1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes providers and import history. */
    static void clear(Driver driver) {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, "MATCH (n) WHERE n:ImportRun OR n:ReferralRollup OR n:SenderTotals OR n:LeakageTotals DETACH DELETE n");
    }

    /** Counts and sums that say whether two graphs hold the same providers and referrals. */
    static Map<String, Object> state(Driver driver) {
        return GraphFixtures.rows(driver, """
                CALL () { MATCH (p:Physician) RETURN count(p) AS physicians, count(CASE WHEN p.stub THEN 1 END) AS stubs }
                CALL () { MATCH (p:Practice) RETURN count(p) AS practices }
                CALL () { MATCH (f:Facility) RETURN count(f) AS facilities }
                CALL () { MATCH (h:HealthSystem) RETURN count(h) AS systems }
                CALL () { MATCH (y:Payer) RETURN count(y) AS payers }
                CALL () { MATCH ()-[r:REFERRED]->() RETURN count(r) AS referred, sum(r.referrals) AS referrals,
                                 sum(r.patients) AS patients, sum(coalesce(r.medicare, 0)) AS medicare }
                CALL () { MATCH ()-[a:AFFILIATED_WITH]->() RETURN count(a) AS affiliations }
                CALL () { MATCH ()-[a:PRACTICES_AT|PART_OF|EMPLOYED_BY]->() RETURN count(a) AS memberships }
                CALL () { MATCH (p:Physician) RETURN collect(p.network) AS networks }
                RETURN physicians, stubs, practices, facilities, systems, payers, referred, referrals, patients, medicare,
                       affiliations, memberships, size([n IN networks WHERE n = 'IN']) AS inNetwork
                """, Map.of()).get(0).asMap();
    }
}
