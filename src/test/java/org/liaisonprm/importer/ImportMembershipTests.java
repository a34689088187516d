package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.physician.Npi;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An import recomputes network membership only when it can change it: after any other format, recomputing
 * finds nothing to change. The templates build the home system: practice pr1 and hospital 220001 are IN.
 */
@EmptyGraphTest
class ImportMembershipTests {

    private static final String A = Npi.withCheckDigit("200000101");
    private static final String C = Npi.withCheckDigit("200000103");

    @Autowired
    Driver driver;

    @Autowired
    Importer importer;

    @Autowired
    NetworkMembership membership;

    @TempDir
    Path dir;

    @BeforeEach
    void homeSystem() {
        Imports.clear(driver);
        for (String name : List.of("practices.csv", "facilities.csv", "physicians.csv", "health-system-membership.csv")) {
            load(ImportFormat.AUTO, Imports.fixture(name), Map.of());
        }
        assertThat(network("220001")).isEqualTo("IN");
        assertThat(membership.recompute()).as("the templates' imports left membership as it is").isZero();
    }

    private record Load(ImportFormat format, Path file, Map<String, String> options) {
    }

    @Test
    void afterAnImportThatCannotChangeMembershipThereIsNothingToChange() {
        var loads = List.of(
                new Load(ImportFormat.NPPES, Imports.sample("nppes.csv"), Map.of()),
                new Load(ImportFormat.HOP_TEAMING, Imports.sample("hop-teaming.csv"), Map.of("period", "2024")),
                new Load(ImportFormat.SHARED_PATIENTS, Imports.sample("shared-patients-30day.csv"), Map.of("period", "2014", "window-days", "30")),
                new Load(ImportFormat.HOSPITALS, Imports.sample("hospital-general-information.csv"), Map.of()),
                new Load(ImportFormat.POS, Imports.fixture("pos.csv"), Map.of()),
                new Load(ImportFormat.ENCOUNTERS, Imports.fixture("encounters.csv"), Map.of()),
                new Load(ImportFormat.REFERRALS, Imports.fixture("referrals.csv"), Map.of()));
        for (Load load : loads) {
            assertThat(load.format().decidesMembership()).as(load.format().id()).isFalse();
            var result = load(load.format(), load.file(), load.options());
            assertThat(result.summary().imported()).as(load.format().id()).isPositive();
            assertThat(membership.recompute()).as("after " + load.format().id()).isZero();
        }
        assertThat(network("220001")).isEqualTo("IN");
    }

    @Test
    void aStubAffiliatedWithTheHomeHospitalThatTheRegistryCallsAnOrganisationIsAnOutPractice() {
        var referral = load(ImportFormat.HOP_TEAMING, Imports.write(dir, "hop.csv", "from_npi,to_npi,patient_count,transaction_count\n"
                + A + "," + C + ",15,29\n"), Map.of("period", "2024"));
        assertThat(referral.summary().nodesCreated()).as("A and C, as stubs").isEqualTo(2);
        var affiliation = load(ImportFormat.FACILITY_AFFILIATION, Imports.write(dir, "affiliations.csv", "NPI,Ind_PAC_ID,Provider Last Name,"
                + "Provider First Name,Provider Middle Name,suff,facility_type,Facility Affiliations Certification Number,"
                + "Facility Type Certification Number\n" + C + ",1,,,,,Hospital,220001,\n"), Map.of());
        assertThat(affiliation.summary().imported()).isOne();
        assertThat(network(C)).as("a stub affiliated with the home system's hospital").isEqualTo("AFFILIATED");

        load(ImportFormat.NPPES, NppesFiles.write(dir, "nppes.csv", List.of(NppesFiles.organisation(C, "C IMAGING LLC", "MA"))),
                Map.of());
        assertThat(GraphFixtures.count(driver, "MATCH (p:Practice {npi: $c}) RETURN count(p)", Map.of("c", C))).isOne();
        assertThat(network(C)).as("a practice, part of no system, with no affiliated physician").isEqualTo("OUT");
        assertThat(membership.recompute()).isZero();
    }

    private Importer.Result load(ImportFormat format, Path file, Map<String, String> options) {
        var result = Imports.run(importer, format, file, dir.resolve(file.getFileName() + ".errors.csv"), options);
        assertThat(result.message()).as(file.getFileName().toString()).isNull();
        return result;
    }

    private String network(String id) {
        return GraphFixtures.rows(driver, "MATCH (n {id: $id}) WHERE n:Physician OR n:Practice OR n:Facility "
                + "RETURN n.network AS network", Map.of("id", id)).get(0).get("network").asString(null);
    }
}
