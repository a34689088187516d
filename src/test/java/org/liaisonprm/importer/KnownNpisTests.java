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
import org.liaisonprm.physician.Npi;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code --only-known-npis}: a referral is kept when at least one of its providers is in the graph as a
 * physician that is not a stub, or as a practice. The graph holds physician K (from the registry), practice O
 * and stub S; U1, U2 and U3 are unknown.
 */
@EmptyGraphTest
class KnownNpisTests {

    private static final String K = Npi.withCheckDigit("100000001");
    private static final String O = Npi.withCheckDigit("100000002");
    private static final String S = Npi.withCheckDigit("100000003");
    private static final String U1 = Npi.withCheckDigit("100000004");
    private static final String U2 = Npi.withCheckDigit("100000005");
    private static final String U3 = Npi.withCheckDigit("100000006");

    @Autowired
    Driver driver;

    @Autowired
    Importer importer;

    @TempDir
    Path dir;

    @BeforeEach
    void graph() {
        Imports.clear(driver);
        GraphFixtures.run(driver, """
                CREATE (:Physician {id: $k, npi: $k, name: 'K', stub: false, network: 'IN', inNetwork: true})
                CREATE (:Practice {id: $o, npi: $o, name: 'Practice O', network: 'OUT', inNetwork: false})
                CREATE (:Physician {id: $s, npi: $s, name: 'NPI ' + $s, stub: true, network: 'OUT', inNetwork: false})
                """, Map.of("k", K, "o", O, "s", S));
    }

    /**
     * Six rows: K→U1 kept; U1→U2 and S→U2 skipped (a stub is not known); U3→O kept, into the practice; a row
     * whose NPIs are not even valid skipped unchecked; K→12345 kept for K and then refused for its bad NPI.
     */
    @Test
    void hopTeamingKeepsTheRowsThatTouchAKnownProvider() {
        Path file = Imports.write(dir, "hop.csv", String.join("\n",
                "from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait",
                K + "," + U1 + ",11,20,5,1",
                U1 + "," + U2 + ",11,20,5,1",
                S + "," + U2 + ",11,20,5,1",
                U3 + "," + O + ",12,30,5,1",
                "12345,67890,1,1,1,1",
                K + ",12345,11,20,5,1", ""));
        var result = Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve("e.csv"),
                Map.of("period", "2024", "only-known-npis", "true"));

        assertThat(result.summary().rowsRead()).isEqualTo(6);
        assertThat(result.summary().imported()).isEqualTo(2);
        assertThat(result.summary().skipped()).isEqualTo(3);
        assertThat(result.summary().refused()).isEqualTo(1);
        assertThat(Imports.errorLines(dir.resolve("e.csv"))).containsExactly(
                "hop.csv,7,to_npi,12345,\"NPI must have 10 digits, not 5\"");
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN count(r)")).isEqualTo(2);
        assertThat(count(driver, "MATCH (:Physician {npi: $k})-[r:REFERRED]->(:Physician {npi: $u1}) RETURN sum(r.referrals)",
                Map.of("k", K, "u1", U1))).isEqualTo(20);
        assertThat(count(driver, "MATCH (:Physician {npi: $u3, stub: true})-[r:REFERRED]->(:Practice {npi: $o}) RETURN sum(r.referrals)",
                Map.of("u3", U3, "o", O))).isEqualTo(30);
        assertThat(count(driver, "MATCH (p:Physician {npi: $u2}) RETURN count(p)", Map.of("u2", U2))).isZero();
        assertThat(count(driver, "MATCH (p:Physician {npi: $o}) RETURN count(p)", Map.of("o", O))).isZero();
    }

    @Test
    void theCommandLineTakesTheOptionAsAFlagForReferralFilesOnly() {
        assertThat(ImportArguments.parse("--format=hop-teaming", "--file=h.csv", "--period=2024", "--only-known-npis")
                .importOptions().onlyKnown()).isTrue();
        assertThat(ImportArguments.parse("--format=hop-teaming", "--file=h.csv", "--period=2024")
                .importOptions().onlyKnown()).isFalse();
        assertThatThrownBy(() -> ImportArguments.parse("--format=hop-teaming", "--file=h.csv", "--period=2024",
                "--only-known-npis=yes")).hasMessageContaining("--only-known-npis takes no value");
        assertThatThrownBy(() -> ImportArguments.parse("--format=nppes", "--file=n.csv", "--only-known-npis"))
                .hasMessageContaining("--only-known-npis does not apply to nppes");
        assertThatThrownBy(() -> ImportOptions.parse(Map.of("only-known-npis", "maybe")))
                .isInstanceOf(ImportRefusedException.class);
    }

    @Test
    void withoutTheOptionEveryValidRowIsKept() {
        Path file = Imports.write(dir, "hop.csv", String.join("\n",
                "from_npi,to_npi,patient_count,transaction_count",
                K + "," + U1 + ",11,20",
                U1 + "," + U2 + ",11,20", ""));
        var result = Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve("e.csv"), Map.of("period", "2024"));
        assertThat(result.summary().imported()).isEqualTo(2);
        assertThat(result.summary().skipped()).isZero();
    }

    @Test
    void sharedPatientsKeepTheRowsThatTouchAKnownProvider() {
        Path file = Imports.write(dir, "shared.csv", String.join("\n",
                U1 + "," + K + ",10,5,1",
                U1 + "," + U2 + ",10,5,1",
                O + "," + U2 + ",7,3,0", ""));
        var result = Imports.run(importer, ImportFormat.SHARED_PATIENTS, file, dir.resolve("e.csv"),
                Map.of("period", "2024", "only-known-npis", "true"));
        assertThat(result.summary().imported()).isEqualTo(2);
        assertThat(result.summary().skipped()).isEqualTo(1);
        assertThat(count(driver, "MATCH (:Practice {npi: $o})-[r:REFERRED]->(:Physician {npi: $u2}) RETURN sum(r.referrals)",
                Map.of("o", O, "u2", U2))).isEqualTo(7);
    }

    /** The template: K→U1 kept, U1→U2 skipped, U1 to a facility skipped (a facility is no NPI), U2→O kept. */
    @Test
    void theReferralsTemplateKeepsTheRowsThatTouchAKnownProvider() {
        Path file = Imports.write(dir, "referrals.csv", String.join("\n",
                "from_npi,to_npi,to_facility_id,period_start,referrals",
                K + "," + U1 + ",,2025-01-01,4",
                U1 + "," + U2 + ",,2025-01-01,5",
                U1 + ",,220001,2025-01-01,6",
                U2 + "," + O + ",,2025-01-01,7", ""));
        var result = Imports.run(importer, ImportFormat.REFERRALS, file, dir.resolve("e.csv"),
                Map.of("only-known-npis", "true"));
        assertThat(result.summary().imported()).isEqualTo(2);
        assertThat(result.summary().skipped()).isEqualTo(2);
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN sum(r.referrals)")).isEqualTo(11);
        assertThat(count(driver, "MATCH (:Physician {npi: $u2})-[r:REFERRED]->(:Practice {npi: $o}) RETURN sum(r.referrals)",
                Map.of("u2", U2, "o", O))).isEqualTo(7);
    }

    /**
     * Encounters: P1 sees U1 then K (U1→K kept), P2 sees U1 then U2 (skipped), P3 sees U3 then the practice's
     * NPI (U3→O kept, into the practice). Encounter rows are all imported; the referral left out is skipped.
     */
    @Test
    void encountersKeepTheReferralsThatTouchAKnownProvider() {
        Path file = Imports.write(dir, "enc.csv", String.join("\n",
                "patient_id,provider_id,service_date,payer_type",
                "P1," + U1 + ",2024-01-01,Medicare",
                "P1," + K + ",2024-01-05,Medicare",
                "P2," + U1 + ",2024-01-01,Medicare",
                "P2," + U2 + ",2024-01-03,Medicare",
                "P3," + U3 + ",2024-01-01,Medicare",
                "P3," + O + ",2024-01-09,Medicare", ""));
        var result = Imports.run(importer, ImportFormat.ENCOUNTERS, file, dir.resolve("e.csv"),
                Map.of("only-known-npis", "true"));
        assertThat(result.summary().imported()).isEqualTo(6);
        assertThat(result.summary().skipped()).isEqualTo(1);
        assertThat(GraphFixtures.rows(driver, """
                MATCH (a)-[r:REFERRED]->(b) RETURN a.npi + '>' + b.npi + ' ' + labels(b)[0] AS referral ORDER BY referral
                """, Map.of()).stream().map(r -> r.get("referral").asString()).toList())
                .isEqualTo(List.of(U1 + ">" + K + " Physician", U3 + ">" + O + " Practice").stream().sorted().toList());
        assertThat(count(driver, "MATCH (p:Physician {npi: $u2}) RETURN count(p)", Map.of("u2", U2))).isZero();
    }
}
