package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.GraphFixtures.count;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.physician.Npi;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Organisation NPIs in referral files attach to practices; a stub made for an NPI the graph did not know becomes
 * a practice or a physician when a registry load says which it is.
 */
@EmptyGraphTest
class OrganisationNpiTests {

    private static final String A = Npi.withCheckDigit("200000001");
    private static final String B = Npi.withCheckDigit("200000002");
    private static final String C = Npi.withCheckDigit("200000003");

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
    void aReferralToAnOrganisationTheRegistryNamesGoesToItsPractice() {
        Imports.run(importer, ImportFormat.NPPES, NppesFiles.write(dir, "nppes.csv", List.of(
                NppesFiles.individual(A, "ADAMS", "ANN", "MA"), NppesFiles.organisation(B, "BAY STATE IMAGING LLC", "MA"))),
                dir.resolve("n.csv"), Map.of());
        Path file = Imports.write(dir, "hop.csv", String.join("\n",
                "from_npi,to_npi,patient_count,transaction_count",
                A + "," + B + ",5,9",
                B + "," + C + ",3,4", ""));
        var result = Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve("e.csv"), Map.of("period", "2024"));

        assertThat(result.summary().imported()).isEqualTo(2);
        assertThat(result.summary().nodesCreated()).as("only C, as a stub").isEqualTo(1);
        assertThat(count(driver, "MATCH (p:Physician {npi: $b}) RETURN count(p)", Map.of("b", B))).isZero();
        assertThat(referrals()).containsExactly(
                A + " Physician > " + B + " Practice 9",
                B + " Practice > " + C + " Physician 4");
    }

    /**
     * A referral file first (A, B and C unknown: three stubs), then the registry: B is an organisation, A an
     * individual, C absent. B becomes the practice with both its referrals; A a physician; C stays a stub.
     */
    @Test
    void stubsBecomePracticesOrPhysiciansWhenTheRegistrySaysWhichTheyAre() {
        Path file = Imports.write(dir, "hop.csv", String.join("\n",
                "from_npi,to_npi,patient_count,transaction_count",
                A + "," + B + ",5,9",
                B + "," + C + ",3,4", ""));
        Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve("e.csv"), Map.of("period", "2024"));
        assertThat(count(driver, "MATCH (p:Physician {stub: true}) RETURN count(p)")).isEqualTo(3);

        var registry = Imports.run(importer, ImportFormat.NPPES, NppesFiles.write(dir, "nppes.csv", List.of(
                NppesFiles.individual(A, "ADAMS", "ANN", "MA"), NppesFiles.organisation(B, "BAY STATE IMAGING LLC", "MA"))),
                dir.resolve("n.csv"), Map.of());

        assertThat(registry.summary().imported()).isEqualTo(2);
        assertThat(registry.summary().nodesCreated()).isZero();
        assertThat(referrals()).containsExactly(
                A + " Physician > " + B + " Practice 9",
                B + " Practice > " + C + " Physician 4");
        var practice = GraphFixtures.rows(driver, "MATCH (o:Practice {id: $b}) RETURN o.name AS name, o.stub AS stub, "
                + "o.npi AS npi, labels(o) AS labels", Map.of("b", B)).get(0).asMap();
        assertThat(practice.get("name")).isEqualTo("BAY STATE IMAGING LLC");
        assertThat(practice.get("npi")).isEqualTo(B);
        assertThat(practice.get("labels")).isEqualTo(List.of("Practice"));
        assertThat(practice.get("stub")).isNull();
        assertThat(count(driver, "MATCH (p:Physician {npi: $a, stub: false, lastName: 'Adams'}) RETURN count(p)",
                Map.of("a", A))).isEqualTo(1);
        assertThat(count(driver, "MATCH (p:Physician {npi: $c, stub: true}) RETURN count(p)", Map.of("c", C))).isEqualTo(1);
    }

    @Test
    void anEncounterWithAnOrganisationNpiAttachesToThePractice() {
        Imports.run(importer, ImportFormat.NPPES, NppesFiles.write(dir, "nppes.csv", List.of(
                NppesFiles.organisation(B, "BAY STATE IMAGING LLC", "MA"))), dir.resolve("n.csv"), Map.of());
        Path file = Imports.write(dir, "enc.csv", String.join("\n",
                "patient_id,provider_id,service_date",
                "P1," + A + ",2024-01-01",
                "P1," + B + ",2024-01-04", ""));
        Imports.run(importer, ImportFormat.ENCOUNTERS, file, dir.resolve("e.csv"), Map.of());
        assertThat(referrals()).containsExactly(A + " Physician > " + B + " Practice 1");
    }

    private List<String> referrals() {
        return GraphFixtures.rows(driver, """
                MATCH (a)-[r:REFERRED]->(b)
                RETURN a.npi + ' ' + labels(a)[0] + ' > ' + b.npi + ' ' + labels(b)[0] + ' ' + r.referrals AS referral
                ORDER BY referral
                """, Map.of()).stream().map(r -> r.get("referral").asString()).toList();
    }
}
