package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.GraphFixtures.count;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The NPPES sample (60 rows, see nppes.expected.tsv): 38 valid individuals (32 in MA, 6 in NH), 3 valid
 * organisations, 6 deactivated stubs, 9 wrong check digits and 4 wrong lengths.
 */
@EmptyGraphTest
class NppesImportTests {

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

    @Test
    void loadsIndividualsAndOrganisationsAndReportsBadNpis() {
        var result = Imports.run(importer, ImportFormat.NPPES, Imports.sample("nppes.csv"), dir.resolve("e.csv"), Map.of());

        assertThat(result.message()).isNull();
        var s = result.summary();
        assertThat(s.rowsRead()).isEqualTo(60);
        assertThat(s.imported()).isEqualTo(41);
        assertThat(s.skipped()).isEqualTo(6);
        assertThat(s.refused()).isEqualTo(13);
        assertThat(s.nodesCreated()).isEqualTo(41);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(count(driver, "MATCH (p:Physician) RETURN count(p)")).isEqualTo(38);
        assertThat(count(driver, "MATCH (p:Practice) RETURN count(p)")).isEqualTo(3);

        var grace = GraphFixtures.rows(driver, "MATCH (p:Physician {npi: '1526018159'}) RETURN p", Map.of()).get(0).get("p");
        assertThat(grace.get("name").asString()).isEqualTo("Grace Moreau, MD");
        assertThat(grace.get("taxonomyCode").asString()).as("the _2 code is the one switched Y").isEqualTo("207Q00000X");
        assertThat(grace.get("specialty").asString()).isEqualTo("Family Medicine");
        assertThat(grace.get("serviceLine").asString()).isEqualTo("Primary Care");
        assertThat(grace.get("zip").asString()).isEqualTo("01752");
        assertThat(grace.get("sex").asString()).isEqualTo("F");
        assertThat(grace.get("network").asString()).isEqualTo("OUT");
        assertThat(grace.get("stub").asBoolean()).isFalse();
        assertThat(GraphFixtures.rows(driver, "MATCH (p:Physician {npi: '1131860912'}) RETURN p.serviceLine AS line",
                Map.of()).get(0).get("line").asString()).isEqualTo("Gastroenterology");
        assertThat(GraphFixtures.rows(driver, "MATCH (o:Practice {id: '1671276842'}) RETURN o.name AS name, o.zip AS zip",
                Map.of()).get(0).asMap()).isEqualTo(Map.of("name", "Shrewsbury Family Practice LLC", "zip", "01545"));

        var errors = Imports.errorLines(dir.resolve("e.csv"));
        assertThat(errors).hasSize(13);
        // 1319487572 is the fourth data row: line 5 of the file
        assertThat(errors).contains("nppes.csv,5,NPI,1319487572,NPI check digit is wrong");
        assertThat(errors).contains("nppes.csv,7,NPI,159797114,\"NPI must have 10 digits, not 9\"");
    }

    @Test
    void keepsOnlyTheChosenStates() {
        var s = Imports.run(importer, ImportFormat.NPPES, Imports.sample("nppes.csv"), dir.resolve("e.csv"),
                Map.of("state", "MA")).summary();
        assertThat(s.imported()).isEqualTo(35);
        assertThat(s.skipped()).isEqualTo(12);
        assertThat(s.refused()).isEqualTo(13);
        assertThat(count(driver, "MATCH (p:Physician) WHERE p.state <> 'MA' RETURN count(p)")).isZero();
    }

    @Test
    void aSecondLoadChangesNothingAndDeactivatesKnownNpis() {
        GraphFixtures.run(driver, "CREATE (:Physician {id: '1491186254', npi: '1491186254', name: 'Known', active: true})");
        Imports.run(importer, ImportFormat.NPPES, Imports.sample("nppes.csv"), dir.resolve("e.csv"), Map.of());
        var before = Imports.state(driver);
        var again = Imports.run(importer, ImportFormat.AUTO, Imports.sample("nppes.csv"), dir.resolve("e2.csv"), Map.of());

        assertThat(again.format()).isEqualTo(ImportFormat.NPPES);
        assertThat(Imports.state(driver)).isEqualTo(before);
        assertThat(again.summary().nodesCreated()).isZero();
        assertThat(again.summary().nodesUpdated()).isEqualTo(41);
        assertThat(GraphFixtures.rows(driver, "MATCH (p:Physician {npi: '1491186254'}) RETURN p.active AS active, "
                + "toString(p.deactivatedOn) AS on", Map.of()).get(0).asMap())
                .isEqualTo(Map.of("active", false, "on", "2019-06-14"));
        assertThat(count(driver, "MATCH (e:AuditEvent {type: 'IMPORT', target: 'nppes.csv'}) RETURN count(e)"))
                .as("one audit event per import").isGreaterThanOrEqualTo(2);
        assertThat(count(driver, "MATCH (i:ImportRun {file: 'nppes.csv', status: 'DONE'}) RETURN count(i)")).isEqualTo(2);
    }
}
