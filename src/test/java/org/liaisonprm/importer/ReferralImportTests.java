package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liaisonprm.GraphFixtures.count;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.physician.Npi;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shared-patient and hop-teaming files: the samples hold the same 180 pairs among physicians of the NPPES
 * sample, 65,301 referrals and 39,335 patients in all (summed from the files).
 */
@EmptyGraphTest
class ReferralImportTests {

    @Autowired
    Driver driver;

    @Autowired
    Graph graph;

    @Autowired
    Importer importer;

    @Autowired
    ReferralRollup rollup;

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        Imports.clear(driver);
    }

    @Test
    void hopTeamingSampleMakesOneReferralPerPairWithStubsForUnknownNpis() {
        var result = Imports.run(importer, ImportFormat.AUTO, Imports.sample("hop-teaming.csv"), dir.resolve("e.csv"),
                Map.of("period", "2015"));

        assertThat(result.format()).isEqualTo(ImportFormat.HOP_TEAMING);
        assertThat(result.summary().imported()).isEqualTo(180);
        assertThat(result.summary().refused()).isZero();
        assertThat(result.exitCode()).isZero();
        assertThat(result.summary().relationshipsCreated()).isEqualTo(180);
        var state = Imports.state(driver);
        assertThat(state.get("referred")).isEqualTo(180L);
        assertThat(state.get("referrals")).isEqualTo(65301L);
        assertThat(state.get("patients")).isEqualTo(39335L);
        assertThat(state.get("stubs")).isEqualTo(state.get("physicians"));
        var first = GraphFixtures.rows(driver, """
                MATCH (:Physician {npi: '1212233070'})-[r:REFERRED]->(b:Physician {npi: '1131860912'})
                RETURN r.referrals AS referrals, r.patients AS patients, toString(r.periodStart) AS start,
                       toString(r.periodEnd) AS end, r.serviceLine AS line, r.averageDayWait AS wait, b.network AS network
                """, Map.of()).get(0).asMap();
        assertThat(first).isEqualTo(Map.of("referrals", 184L, "patients", 130L, "start", "2015-01-01", "end", "2016-01-01",
                "line", "Other", "wait", 27.81, "network", "OUT"));
        assertThat(rollup.isStale()).isFalse();
    }

    /**
     * 25,000 distinct pairs of 251 senders and 100 receivers (more than one batch per writer) with the second row repeated at the end:
     * the first load of the period creates without looking up and refuses the repeat itself; the second load
     * looks every pair up (rows of one sender on one writer, in file order) and meets the repeat there.
     * Either way: 25,000 relationships, referrals 1 + 2 + … + 25,000 = 312,512,500, the repeat on line 25,002.
     */
    @Test
    void repeatsAcrossBatchesAndWritersAreRefusedOnTheFirstLoadAndOnAReload() {
        var text = new StringBuilder("from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait\n");
        String repeat = null;
        for (int i = 1; i <= 25_000; i++) {
            String row = Npi.withCheckDigit(String.valueOf(100_000_000 + i / 100)) + ","
                    + Npi.withCheckDigit(String.valueOf(200_000_000 + i % 100)) + ",1," + i + ",,\n";
            repeat = repeat == null ? row : repeat;
            text.append(row);
        }
        text.append(repeat);
        Path file = Imports.write(dir, "hop.csv", text.toString());

        for (String errors : new String[] {"first.csv", "again.csv"}) {
            var result = Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve(errors), Map.of("period", "2016"));
            assertThat(result.summary().imported()).isEqualTo(25_000);
            assertThat(Imports.errorLines(dir.resolve(errors)))
                    .containsExactly("hop.csv,25002,from_npi,,repeats an earlier row of this file with the same key");
            var state = Imports.state(driver);
            assertThat(state.get("referred")).isEqualTo(25_000L);
            assertThat(state.get("referrals")).isEqualTo(312_512_500L);
        }
    }

    @Test
    void aRegistryLoadFillsInStubsAndALaterReloadReplacesRatherThanAdds() {
        Imports.run(importer, ImportFormat.HOP_TEAMING, Imports.sample("hop-teaming.csv"), dir.resolve("e.csv"),
                Map.of("period", "2015"));
        Imports.run(importer, ImportFormat.NPPES, Imports.sample("nppes.csv"), dir.resolve("e2.csv"), Map.of());
        assertThat(count(driver, "MATCH (p:Physician {stub: true}) RETURN count(p)")).isZero();

        // the receivers now have service lines: the same pairs and period are replaced, not doubled
        var again = Imports.run(importer, ImportFormat.HOP_TEAMING, Imports.sample("hop-teaming.csv"),
                dir.resolve("e3.csv"), Map.of("period", "2015"));
        var state = Imports.state(driver);
        assertThat(state.get("referred")).isEqualTo(180L);
        assertThat(state.get("referrals")).isEqualTo(65301L);
        assertThat(again.summary().nodesCreated()).isZero();
        assertThat(GraphFixtures.rows(driver, """
                MATCH (:Physician {npi: '1212233070'})-[r:REFERRED]->(:Physician {npi: '1131860912'})
                RETURN r.serviceLine AS line
                """, Map.of()).get(0).get("line").asString()).isEqualTo("Gastroenterology");

        // and a third load changes nothing at all
        var before = Imports.state(driver);
        var third = Imports.run(importer, ImportFormat.HOP_TEAMING, Imports.sample("hop-teaming.csv"),
                dir.resolve("e4.csv"), Map.of("period", "2015"));
        assertThat(Imports.state(driver)).isEqualTo(before);
        assertThat(third.summary().relationshipsCreated()).isZero();
        assertThat(third.summary().relationshipsUpdated()).isEqualTo(180);
    }

    @Test
    void sharedPatientSampleCountsPairsAsReferralsAndBeneficiariesAsPatients() {
        var result = Imports.run(importer, ImportFormat.AUTO, Imports.sample("shared-patients-30day.csv"),
                dir.resolve("e.csv"), Map.of("period", "2014", "window-days", "30"));

        assertThat(result.format()).isEqualTo(ImportFormat.SHARED_PATIENTS);
        assertThat(result.summary().imported()).isEqualTo(180);
        var state = Imports.state(driver);
        assertThat(state.get("referrals")).isEqualTo(65301L);
        assertThat(state.get("patients")).isEqualTo(39335L);
        assertThat(GraphFixtures.rows(driver, """
                MATCH (:Physician {npi: '1669156402'})-[r:REFERRED]->(:Physician {npi: '1516780081'})
                RETURN r.referrals AS referrals, r.patients AS patients, r.sameDayVisits AS same, r.windowDays AS window,
                       r.source AS source
                """, Map.of()).get(0).asMap())
                .isEqualTo(Map.of("referrals", 359L, "patients", 139L, "same", 31L, "window", 30L, "source", "shared-patients"));
    }

    @Test
    void hopTeamingFiltersSkipRowsAndUnknownNpisCanBeRefused() {
        Path file = Imports.write(dir, "hop.csv", """
                from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait
                1212233070,1131860912,130,184,27.81,13.25
                1669156402,1516780081,39,40,34.58,24.98
                1338750049,1153549302,104,108,60.5,25.00
                """);
        GraphFixtures.run(driver, """
                UNWIND ['1212233070', '1131860912', '1669156402', '1516780081', '1338750049'] AS npi
                CREATE (:Physician {id: npi, npi: npi, name: npi, network: 'OUT'})
                """);
        var result = Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve("e.csv"),
                Map.of("period", "2019", "min-transactions", "50", "max-day-wait", "50", "unknown-npi", "refuse"));
        assertThat(result.summary().imported()).isEqualTo(1);
        assertThat(result.summary().skipped()).isEqualTo(2);
        assertThat(result.summary().refused()).isZero();

        var all = Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve("e2.csv"),
                Map.of("period", "2019", "unknown-npi", "refuse"));
        assertThat(all.summary().imported()).isEqualTo(2);
        assertThat(all.summary().refused()).isEqualTo(1);
        assertThat(Imports.errorLines(dir.resolve("e2.csv")))
                .containsExactly("hop.csv,4,to_npi,1153549302,unknown NPI: no physician with it in the graph (--unknown-npi=refuse)");
        assertThat(count(driver, "MATCH (p:Physician {npi: '1153549302'}) RETURN count(p)")).isZero();
    }

    /**
     * The first load of a period writes by node id: a batch naming a node that is gone (deleted while the
     * import ran) would create fewer relationships than it has rows, and must fail the import, not lose rows.
     */
    @Test
    void aFirstLoadBatchThatCannotWriteEveryRowFailsInsteadOfDroppingRows() {
        GraphFixtures.run(driver, "CREATE (:Physician {npi: '1000000004', id: '1000000004'}), (:Physician {npi: '1000000012', id: '1000000012'})");
        long a = GraphFixtures.rows(driver, "MATCH (p:Physician {npi: '1000000004'}) RETURN id(p) AS id", Map.of()).get(0).get("id").asLong();
        long b = GraphFixtures.rows(driver, "MATCH (p:Physician {npi: '1000000012'}) RETURN id(p) AS id", Map.of()).get(0).get("id").asLong();
        var job = new ImportJob(graph, "test-import", ImportOptions.parse(Map.of()), new ErrorReport(dir.resolve("e.csv")));
        Cypher create = Cypher.written("UNWIND $rows AS r MATCH (a:Physician) WHERE id(a) = r.a MATCH (b:Physician) "
                + "WHERE id(b) = r.b CREATE (a)-[:REFERRED]->(b)");
        job.write(create, List.of(Map.of("a", a, "b", b, "line", 2L)), BatchWriter.Kind.NEW_RELATIONSHIPS, Map.of(), "from_npi");
        assertThat(job.summary().relationshipsCreated()).isEqualTo(1);

        GraphFixtures.run(driver, "MATCH (p:Physician {npi: '1000000012'}) DETACH DELETE p");
        assertThatThrownBy(() -> job.write(create, List.of(Map.of("a", a, "b", b, "line", 3L), Map.of("a", b, "b", a, "line", 4L)),
                BatchWriter.Kind.NEW_RELATIONSHIPS, Map.of(), "from_npi"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("A batch of 2 rows created 0 relationships");
    }

    @Test
    void aReferralFileNeedsItsPeriod() {
        var result = Imports.run(importer, ImportFormat.HOP_TEAMING, Imports.sample("hop-teaming.csv"),
                dir.resolve("e.csv"), Map.of());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).contains("--period");
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN count(r)")).isZero();
    }
}
