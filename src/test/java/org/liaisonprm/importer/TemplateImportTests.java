package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Liaison's own templates, loaded in the order docs/import-formats.md gives: practices, facilities,
 * physicians, health-system membership, referrals. Physician One practises at a practice of the home
 * system (IN); Physician Two at an independent practice (OUT).
 */
@EmptyGraphTest
class TemplateImportTests {

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

    private Importer.Result load(String name) {
        return Imports.run(importer, ImportFormat.AUTO, Imports.fixture(name), dir.resolve(name + ".errors.csv"), Map.of());
    }

    @Test
    void templatesBuildAHealthSystemWithItsNetwork() {
        assertThat(load("practices.csv").format()).isEqualTo(ImportFormat.PRACTICES);
        assertThat(load("facilities.csv").format()).isEqualTo(ImportFormat.FACILITIES);
        var physicians = load("physicians.csv");
        assertThat(physicians.format()).isEqualTo(ImportFormat.PHYSICIANS);
        assertThat(physicians.summary().imported()).isEqualTo(2);
        var membership = load("health-system-membership.csv");
        assertThat(membership.format()).isEqualTo(ImportFormat.HEALTH_SYSTEM_MEMBERSHIP);
        assertThat(membership.summary().imported()).isEqualTo(3);
        assertThat(membership.summary().refused()).isEqualTo(1);
        assertThat(Imports.errorLines(dir.resolve("health-system-membership.csv.errors.csv")))
                .containsExactly("health-system-membership.csv,5,member_id,,no practice pr-missing in the graph: load it first");
        var referrals = load("referrals.csv");
        assertThat(referrals.format()).isEqualTo(ImportFormat.REFERRALS);
        assertThat(referrals.summary().imported()).isEqualTo(3);
        assertThat(referrals.exitCode()).isZero();

        assertThat(GraphFixtures.rows(driver, "MATCH (n) WHERE n:Physician OR n:Practice OR n:Facility "
                + "RETURN n.id + ' ' + n.network AS x ORDER BY x", Map.of()).stream().map(r -> r.get("x").asString()).toList())
                .containsExactly("1234567893 IN", "1558598797 OUT", "220001 IN", "pr1 IN", "pr2 OUT");
        assertThat(GraphFixtures.rows(driver, "MATCH (p:Practice {id: 'pr2'}) RETURN p.name AS name", Map.of())
                .get(0).get("name").asString()).isEqualTo("Elm, Oak & Pine Practice");
        assertThat(GraphFixtures.rows(driver, "MATCH (p:Physician {npi: '1234567893'}) RETURN p.specialty AS s, "
                + "p.serviceLine AS l, p.name AS name", Map.of()).get(0).asMap())
                .isEqualTo(Map.of("s", "Family Medicine", "l", "Primary Care", "name", "Physician One, MD"));
        var state = Imports.state(driver);
        assertThat(state).containsEntry("referred", 3L).containsEntry("referrals", 18L).containsEntry("medicare", 6L)
                .containsEntry("systems", 2L).containsEntry("inNetwork", 1L);
        assertThat(GraphFixtures.rows(driver, """
                MATCH (:Physician {npi: '1558598797'})-[r:REFERRED]->(:Physician {npi: '1234567893'})
                RETURN r.serviceLine AS line, toString(r.periodEnd) AS end, r.patients AS patients
                """, Map.of()).get(0).asMap()).isEqualTo(Map.of("line", "Primary Care", "end", "2025-02-01", "patients", 3L));
        assertThat(GraphFixtures.count(driver, "MATCH (h:HealthSystem {home: true}) RETURN count(h)")).isEqualTo(1);
    }

    /** A repeated pair and period in one batch meets the first row; an NPI the graph lacks is refused on request. */
    @Test
    void aRepeatedReferralRowIsRefusedAndUnknownNpisCanBeRefused() {
        load("physicians.csv");
        Path file = Imports.write(dir, "referrals.csv", """
                from_npi,to_npi,period_start,referrals
                1558598797,1234567893,2025-01-01,4
                1558598797,1234567893,2025-01-01,5
                1245319599,1234567893,2025-01-01,2
                1234567893,1558598797,2025-01-01,1
                """);
        var result = Imports.run(importer, ImportFormat.REFERRALS, file, dir.resolve("e.csv"), Map.of("unknown-npi", "refuse"));

        assertThat(result.summary().imported()).isEqualTo(2);
        assertThat(result.summary().refused()).isEqualTo(2);
        assertThat(Imports.errorLines(dir.resolve("e.csv"))).containsExactlyInAnyOrder(
                "referrals.csv,3,from_npi,,repeats an earlier row of this file with the same key",
                "referrals.csv,4,from_npi,1245319599,unknown NPI: no physician with it in the graph (--unknown-npi=refuse)");
        assertThat(Imports.state(driver)).containsEntry("referred", 2L).containsEntry("referrals", 5L);
        assertThat(GraphFixtures.count(driver, "MATCH (p:Physician) RETURN count(p)")).isEqualTo(2);
    }
}
