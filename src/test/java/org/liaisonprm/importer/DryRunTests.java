package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A dry run is the import with every batch rolled back: for each format, a file with refused rows, repeats
 * across batches and stubs met by later batches is run dry, then for real, in batches of a few rows. The dry
 * run leaves the graph as it was (no node, relationship or property changed, no {@code ImportRun}, no audit
 * event) and reports exactly the rows the import then reads, imports, skips and refuses, with the same error
 * report.
 */
@EmptyGraphTest
class DryRunTests {

    @Autowired
    Driver driver;

    @Autowired
    Importer importer;

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        Imports.clear(driver);
    }

    private static final String HOP_HEADER = "from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait\n";

    /** What the two runs must agree on. */
    private record Rows(ImportFormat format, long read, long imported, long skipped, long refused, int exit, String message) {
        static Rows of(Importer.Result result) {
            var s = result.summary();
            return new Rows(result.format(), s.rowsRead(), s.imported(), s.skipped(), s.refused(), result.exitCode(),
                    result.message());
        }
    }

    private Importer.Result run(ImportFormat format, Path file, Map<String, String> options, int batch, boolean dryRun,
                                Path errors) {
        return importer.batchesOf(batch).run(new Importer.Request(format, file, file.getFileName().toString(),
                ImportOptions.parse(options), errors, "tester", dryRun), Importer.Progress.NONE);
    }

    /**
     * Runs {@code file} dry, checks that the graph did not change, then for real, and checks that both read,
     * imported, skipped and refused the same rows with the same report; returns the real import's error lines.
     */
    private List<String> dryRunIsTheImport(ImportFormat format, Path file, Map<String, String> options, int batch) {
        String name = file.getFileName().toString();
        var before = fingerprint();
        var dry = run(format, file, options, batch, true, dir.resolve(name + ".dry.csv"));
        assertThat(fingerprint()).as("the graph after a dry run of " + name).isEqualTo(before);

        var real = run(format, file, options, batch, false, dir.resolve(name + ".real.csv"));
        assertThat(Rows.of(dry)).as("dry run and import of " + name).isEqualTo(Rows.of(real));
        List<String> reported = Imports.errorLines(dir.resolve(name + ".real.csv"));
        assertThat(Imports.errorLines(dir.resolve(name + ".dry.csv"))).containsExactlyInAnyOrderElementsOf(reported);
        assertThat(real.summary().imported()).as("rows imported from " + name).isPositive();
        assertThat(fingerprint()).as("the graph after importing " + name).isNotEqualTo(before);
        return reported;
    }

    /** Counts by label and type, properties and import ids: whatever a write changes, this changes. */
    private Map<String, Object> fingerprint() {
        return GraphFixtures.rows(driver, """
                CALL () { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS n ORDER BY label
                          RETURN collect(label + ' ' + n) AS labels }
                CALL () { MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n ORDER BY type
                          RETURN collect(type + ' ' + n) AS types }
                CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProperties,
                                 count(DISTINCT n.importId) AS nodeImports,
                                 sum(CASE WHEN n.active = false THEN 1 ELSE 0 END) AS inactive }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(keys(r))) AS relationshipProperties,
                                 count(DISTINCT r.importId) AS relationshipImports, sum(coalesce(r.referrals, 0)) AS referrals }
                RETURN labels, types, nodes, nodeProperties, nodeImports, inactive, relationships, relationshipProperties,
                       relationshipImports, referrals
                """, Map.of()).get(0).asMap();
    }

    private static List<String> lines(String sample, int rows) {
        try {
            return new ArrayList<>(Files.readAllLines(Imports.sample(sample), StandardCharsets.UTF_8).subList(0, rows + 1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, List<String> lines) {
        return Imports.write(dir, name, String.join("\n", lines) + "\n");
    }

    /**
     * Twelve pairs of the sample, the second repeated, a row with a bad check digit, one from a physician to
     * themself, one with more patients than referrals, and two pairs whose sender an earlier batch made a stub.
     */
    private Path hopTeaming() {
        var lines = lines("hop-teaming.csv", 12);
        lines.add(lines.get(2));
        lines.add("1234567890,1558598797,20,30,1,1");
        lines.add("1558598797,1558598797,20,30,1,1");
        lines.add("1234567893,1558598797,40,30,1,1");
        lines.add(lines.get(1).substring(0, 11) + "1558598797,20,300,1,1");
        lines.add(lines.get(1).substring(0, 11) + "1234567893,20,300,1,1");
        return write("hop-teaming.csv", lines);
    }

    @Test
    void hopTeamingFirstLoadOfAPeriodMakesStubsPerBatchAndRefusesRepeatsItself() {
        var reported = dryRunIsTheImport(ImportFormat.HOP_TEAMING, hopTeaming(),
                Map.of("period", "2015", "min-transactions", "150"), 2);

        assertThat(reported).contains("hop-teaming.csv,14,from_npi,,repeats an earlier row of this file with the same key")
                .hasSize(4);
    }

    @Test
    void hopTeamingReloadMeetsRepeatsInTheGraphOrInTheDryRunsMemory() {
        run(ImportFormat.HOP_TEAMING, write("first.csv", lines("hop-teaming.csv", 6)), Map.of("period", "2015"), 2, false,
                dir.resolve("first.errors.csv"));

        var reported = dryRunIsTheImport(ImportFormat.HOP_TEAMING, hopTeaming(), Map.of("period", "2015"), 2);

        assertThat(reported).contains("hop-teaming.csv,14,from_npi,,repeats an earlier row of this file with the same key")
                .hasSize(4);
    }

    @Test
    void unknownNpisAreRefusedByWhatTheGraphHeldBeforeTheRun() {
        run(ImportFormat.NPPES, Imports.sample("nppes.csv"), Map.of(), 10, false, dir.resolve("nppes.errors.csv"));

        var hop = dryRunIsTheImport(ImportFormat.HOP_TEAMING, hopTeaming(),
                Map.of("from", "2016-01-01", "to", "2016-07-01", "unknown-npi", "refuse"), 3);
        assertThat(hop).anyMatch(line -> line.endsWith("unknown NPI: no physician with it in the graph (--unknown-npi=refuse)"));

        var shared = lines("shared-patients-30day.csv", 9);
        shared.remove(0); // headerless
        shared.add(shared.get(4));
        shared.add("1234567893,1558598797,30,20,2");
        var sharedPatients = dryRunIsTheImport(ImportFormat.SHARED_PATIENTS, write("shared.csv", shared),
                Map.of("period", "2014", "window-days", "30", "unknown-npi", "refuse"), 2);
        assertThat(sharedPatients).hasSize(2).contains("shared.csv,10,npi1,,repeats an earlier row of this file with the same key")
                .anyMatch(line -> line.startsWith("shared.csv,11,npi") && line.endsWith("(--unknown-npi=refuse)"));
    }

    @Test
    void registryRowsRepeatedInLaterBatchesAreRefusedLikeTheImportDoes() throws IOException {
        var lines = new ArrayList<>(Files.readAllLines(Imports.sample("nppes.csv"), StandardCharsets.UTF_8));
        var kinds = Files.readAllLines(Imports.sample("nppes.expected.tsv"), StandardCharsets.UTF_8);
        for (String kind : List.of("ok\tMA", "organization\tMA", "deactivated\tMA")) {
            String npi = kinds.stream().filter(k -> k.endsWith("\t" + kind)).findFirst().orElseThrow().split("\t")[0];
            lines.add(lines.stream().filter(l -> l.startsWith("\"" + npi + "\"")).findFirst().orElseThrow());
        }
        var reported = dryRunIsTheImport(ImportFormat.NPPES, write("nppes.csv", lines), Map.of("state", "MA"), 3);

        assertThat(reported).contains("nppes.csv,62,NPI,,repeats an earlier row of this file with the same key",
                "nppes.csv,63,NPI,,repeats an earlier row of this file with the same key").hasSize(15);
    }

    @Test
    void facilitiesAndAffiliationsAcrossBatches() {
        var affiliations = lines("facility-affiliation.csv", 19);
        affiliations.add(affiliations.get(3));
        assertThat(dryRunIsTheImport(ImportFormat.FACILITY_AFFILIATION, write("affiliations.csv", affiliations), Map.of(), 2))
                .containsExactly("affiliations.csv,21,NPI,,repeats an earlier row of this file with the same key");

        var hospitals = lines("hospital-general-information.csv", 3);
        hospitals.add(hospitals.get(1));
        assertThat(dryRunIsTheImport(ImportFormat.HOSPITALS, write("hospitals.csv", hospitals), Map.of(), 2))
                .containsExactly("hospitals.csv,5,Facility ID,,repeats an earlier row of this file with the same key");

        Path pos = Imports.write(dir, "pos.csv", readFixture("pos.csv")
                + "01,01,0,WORCESTER,WORCESTER GENERAL HOSPITAL,220001,MA,100 SUMMER ST,01608,00,310\n");
        assertThat(dryRunIsTheImport(ImportFormat.POS, pos, Map.of("state", "MA"), 1))
                .contains("pos.csv,6,PRVDR_NUM,,repeats an earlier row of this file with the same key");
    }

    /**
     * The templates in their order, one row per batch. The referral repeated on line 3 names no service line
     * and takes its receiver's, Cardiology, the one line 2 names; line 4's Oncology is another referral.
     */
    @Test
    void templatesAcrossBatches() {
        Path practices = Imports.write(dir, "practices.csv", readFixture("practices.csv") + "pr1,Main Street Again,,,,,,\n");
        assertThat(dryRunIsTheImport(ImportFormat.PRACTICES, practices, Map.of(), 1))
                .containsExactly("practices.csv,4,practice_id,,repeats an earlier row of this file with the same key");
        dryRunIsTheImport(ImportFormat.FACILITIES, Imports.fixture("facilities.csv"), Map.of(), 1);
        Path physicians = Imports.write(dir, "physicians.csv", readFixture("physicians.csv")
                + "1558598797,Physician,Two,DO,207RC0000X,,,2 Elm St,Worcester,MA,01609,pr2,\n");
        assertThat(dryRunIsTheImport(ImportFormat.PHYSICIANS, physicians, Map.of(), 1))
                .containsExactly("physicians.csv,4,npi,,repeats an earlier row of this file with the same key");
        assertThat(dryRunIsTheImport(ImportFormat.HEALTH_SYSTEM_MEMBERSHIP, Imports.fixture("health-system-membership.csv"),
                Map.of(), 1)).containsExactly(
                "health-system-membership.csv,5,member_id,,no practice pr-missing in the graph: load it first");

        Path referrals = Imports.write(dir, "referrals.csv", """
                from_npi,to_npi,to_facility_id,period_start,service_line,referrals
                1234567893,1558598797,,2025-01-01,Cardiology,10
                1234567893,1558598797,,2025-01-01,,4
                1234567893,1558598797,,2025-01-01,Oncology,2
                1558598797,1234567893,,2025-01-01,,3
                1234567893,,220001,2025-01-01,,5
                1234567893,,220001,2025-01-01,,6
                1245319599,1234567893,,2025-01-01,,2
                """);
        assertThat(dryRunIsTheImport(ImportFormat.REFERRALS, referrals, Map.of("unknown-npi", "refuse"), 1))
                .containsExactlyInAnyOrder(
                        "referrals.csv,3,from_npi,,repeats an earlier row of this file with the same key",
                        "referrals.csv,7,from_npi,,repeats an earlier row of this file with the same key",
                        "referrals.csv,8,from_npi,1245319599,unknown NPI: no physician with it in the graph (--unknown-npi=refuse)");
    }

    /** Encounters are refused before anything is written; Synthea's meet the providers the run itself loaded. */
    @Test
    void encountersAndASyntheaExport() {
        dryRunIsTheImport(ImportFormat.PHYSICIANS, Imports.fixture("physicians.csv"), Map.of(), 1);
        Path encounters = Imports.write(dir, "encounters.csv", readFixture("encounters.csv")
                + "P3,1234567893,ORG1,2024-02-16,Self-pay,,x\n"
                + "P4,1245319599,ORG1,2024-02-20,Medicare,,x\n"
                + "P4,1234567893,ORG1,2024-02-21,Medicare,,x\n");
        assertThat(dryRunIsTheImport(ImportFormat.ENCOUNTERS, encounters, Map.of("unknown-npi", "refuse"), 2))
                .hasSize(2).anyMatch(line -> line.startsWith("encounters.csv,12,provider_id,1245319599,unknown NPI"));

        Path synthea = Imports.fixture("synthea");
        dryRunIsTheImport(ImportFormat.SYNTHEA, synthea, Map.of(), 1);
        assertThat(GraphFixtures.count(driver, "MATCH (:Physician)-[r:REFERRED {source: 'synthea'}]->() RETURN count(r)"))
                .isPositive();
    }

    private static String readFixture(String name) {
        try {
            return Files.readString(Imports.fixture(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
