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
 * Facility affiliations (19 rows over CCNs 220001, 220017, 300012), Care Compare hospitals (those three)
 * and a hand-made Provider of Services file.
 */
@EmptyGraphTest
class FacilityImportTests {

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
    void affiliationsCreateStubFacilitiesThatTheHospitalFileFillsIn() {
        var affiliations = Imports.run(importer, ImportFormat.AUTO, Imports.sample("facility-affiliation.csv"),
                dir.resolve("e.csv"), Map.of());
        assertThat(affiliations.format()).isEqualTo(ImportFormat.FACILITY_AFFILIATION);
        assertThat(affiliations.summary().imported()).isEqualTo(19);
        assertThat(affiliations.summary().relationshipsCreated()).isEqualTo(19);
        assertThat(affiliations.summary().nodesCreated()).as("19 stub physicians and 3 stub facilities").isEqualTo(22);
        assertThat(count(driver, "MATCH (f:Facility {stub: true}) RETURN count(f)")).isEqualTo(3);
        assertThat(count(driver, "MATCH (:Physician)-[:AFFILIATED_WITH]->(:Facility {id: '300012'}) RETURN count(*)"))
                .isEqualTo(10);

        var hospitals = Imports.run(importer, ImportFormat.AUTO, Imports.sample("hospital-general-information.csv"),
                dir.resolve("e2.csv"), Map.of());
        assertThat(hospitals.format()).isEqualTo(ImportFormat.HOSPITALS);
        assertThat(hospitals.summary().imported()).isEqualTo(3);
        assertThat(hospitals.summary().nodesCreated()).isZero();
        assertThat(hospitals.summary().nodesUpdated()).isEqualTo(3);
        assertThat(count(driver, "MATCH (f:Facility {stub: true}) RETURN count(f)")).isZero();
        var worcester = GraphFixtures.rows(driver, "MATCH (f:Facility {id: '220001'}) RETURN f", Map.of()).get(0).get("f");
        assertThat(worcester.get("name").asString()).isEqualTo("Worcester General Hospital");
        assertThat(worcester.get("type").asString()).isEqualTo("HOSPITAL");
        assertThat(worcester.get("rating").asLong()).isEqualTo(4);
        assertThat(worcester.get("zip").asString()).isEqualTo("01608");
        assertThat(GraphFixtures.rows(driver, "MATCH (f:Facility {id: '300012'}) RETURN f.rating AS rating", Map.of())
                .get(0).get("rating").isNull()).as("'Not Available'").isTrue();

        var before = Imports.state(driver);
        var again = Imports.run(importer, ImportFormat.FACILITY_AFFILIATION, Imports.sample("facility-affiliation.csv"),
                dir.resolve("e3.csv"), Map.of());
        assertThat(Imports.state(driver)).isEqualTo(before);
        assertThat(again.summary().relationshipsUpdated()).isEqualTo(19);
    }

    @Test
    void providerOfServicesKeepsTheChosenStatesAndMarksTerminatedFacilities() {
        var result = Imports.run(importer, ImportFormat.AUTO, Imports.fixture("pos.csv"), dir.resolve("e.csv"),
                Map.of("state", "MA"));
        assertThat(result.format()).isEqualTo(ImportFormat.POS);
        var s = result.summary();
        assertThat(s.rowsRead()).isEqualTo(4);
        assertThat(s.imported()).isEqualTo(2);
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(s.refused()).isEqualTo(1);
        assertThat(Imports.errorLines(dir.resolve("e.csv")))
                .containsExactly("pos.csv,5,PRVDR_NUM,22-01,PRVDR_NUM is not a CMS Certification Number (6 letters or digits)");
        assertThat(GraphFixtures.rows(driver, "MATCH (f:Facility) RETURN f.id AS id, f.type AS type, f.beds AS beds, "
                + "f.active AS active ORDER BY id", Map.of()).stream().map(r -> r.asMap()).toList())
                .containsExactly(Map.of("id", "220001", "type", "HOSPITAL", "beds", 310L, "active", true),
                        Map.of("id", "225001", "type", "SNF", "beds", 90L, "active", false));
    }
}
