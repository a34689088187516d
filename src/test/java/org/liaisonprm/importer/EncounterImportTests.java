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
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Referrals derived from encounters, worked out by hand for fixtures/encounters.csv (window 30 days):
 * <ul>
 *   <li>P1: A on 01-05, B on 01-20 (A→B), B again on 03-01 (56 days after A: too late; B→B does not count);</li>
 *   <li>P2: A on 01-10 and B the same day (a same-day visit: no referral in either direction, whatever the
 *   order of the rows), B on 01-25 (A→B, 15 days after A);</li>
 *   <li>P3: LOCAL-7 on 02-01, A on 02-15 and 02-16 (LOCAL-7→A twice; A→A does not count).</li>
 * </ul>
 * So A→B in January, Cardiology: 2 referrals, 2 patients, 1 Medicare, 1 commercial; LOCAL-7→A in
 * February under A's own service line: 2 referrals, 1 patient, 2 self-pay; one same-day visit.
 */
@EmptyGraphTest
class EncounterImportTests {

    private static final String A = "1234567893";
    private static final String B = "1558598797";

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
    void derivesReferralsFromEncountersOfTheSamePatient() {
        GraphFixtures.run(driver, "CREATE (:Physician {id: $a, npi: $a, name: 'Physician A', serviceLine: 'Primary Care', "
                + "network: 'OUT'})", Map.of("a", A));
        var result = Imports.run(importer, ImportFormat.AUTO, Imports.fixture("encounters.csv"), dir.resolve("e.csv"), Map.of());

        assertThat(result.format()).isEqualTo(ImportFormat.ENCOUNTERS);
        assertThat(result.summary().rowsRead()).isEqualTo(9);
        assertThat(result.summary().imported()).isEqualTo(9);
        assertThat(result.summary().nodesCreated()).as("B and LOCAL-7").isEqualTo(2);
        assertThat(result.summary().relationshipsCreated()).isEqualTo(2);
        assertThat(result.summary().sameDayVisits()).isEqualTo(1);
        var referrals = GraphFixtures.rows(driver, """
                MATCH (a:Physician)-[r:REFERRED]->(b:Physician)
                RETURN a.id AS from, b.id AS to, toString(r.periodStart) AS start, toString(r.periodEnd) AS end,
                       r.serviceLine AS line, r.referrals AS referrals, r.patients AS patients, r.commercial AS commercial,
                       r.medicare AS medicare, r.medicaid AS medicaid, r.selfPay AS selfPay, r.source AS source
                ORDER BY start
                """, Map.of()).stream().map(r -> r.asMap()).toList();
        assertThat(referrals).containsExactly(
                Map.ofEntries(Map.entry("from", A), Map.entry("to", B), Map.entry("start", "2024-01-01"),
                        Map.entry("end", "2024-02-01"), Map.entry("line", "Cardiology"), Map.entry("referrals", 2L),
                        Map.entry("patients", 2L), Map.entry("commercial", 1L), Map.entry("medicare", 1L),
                        Map.entry("medicaid", 0L), Map.entry("selfPay", 0L), Map.entry("source", "encounters")),
                Map.ofEntries(Map.entry("from", "encounters:LOCAL-7"), Map.entry("to", A), Map.entry("start", "2024-02-01"),
                        Map.entry("end", "2024-03-01"), Map.entry("line", "Primary Care"), Map.entry("referrals", 2L),
                        Map.entry("patients", 1L), Map.entry("commercial", 0L), Map.entry("medicare", 0L),
                        Map.entry("medicaid", 0L), Map.entry("selfPay", 2L), Map.entry("source", "encounters")));

        var before = Imports.state(driver);
        var again = Imports.run(importer, ImportFormat.ENCOUNTERS, Imports.fixture("encounters.csv"), dir.resolve("e2.csv"), Map.of());
        assertThat(Imports.state(driver)).isEqualTo(before);
        assertThat(again.summary().relationshipsUpdated()).isEqualTo(2);
    }

    @Test
    void aShorterWindowDropsTheLaterPairs() {
        Imports.run(importer, ImportFormat.ENCOUNTERS, Imports.fixture("encounters.csv"), dir.resolve("e.csv"),
                Map.of("window-days", "14"));
        // within 14 days only P3's LOCAL-7 (02-01) → A (02-15); P1's and P2's pairs and P3's 02-16 are 15 days apart
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN sum(r.referrals)")).isEqualTo(1);
    }

    @Test
    void loadsASyntheaExportAndDerivesItsReferrals() {
        Path export = Imports.fixture("synthea");
        var result = Imports.run(importer, ImportFormat.AUTO, export, dir.resolve("e.csv"), Map.of());

        assertThat(result.format()).isEqualTo(ImportFormat.SYNTHEA);
        assertThat(result.summary().rowsRead()).isEqualTo(14);
        assertThat(result.summary().refused()).isEqualTo(2);
        assertThat(result.summary().imported()).isEqualTo(12);
        assertThat(Imports.errorLines(dir.resolve("e.csv"))).containsExactly(
                "encounters.csv,7,Id,e5,repeats an earlier encounter with the same Id",
                "encounters.csv,8,PROVIDER,p9,no provider with this Id in providers.csv");
        var state = Imports.state(driver);
        assertThat(state).containsEntry("physicians", 2L).containsEntry("practices", 1L).containsEntry("facilities", 1L)
                .containsEntry("payers", 3L).containsEntry("referred", 3L).containsEntry("referrals", 3L)
                .containsEntry("affiliations", 1L).containsEntry("memberships", 1L);
        assertThat(GraphFixtures.rows(driver, """
                MATCH (a)-[r:REFERRED]->(b)
                RETURN a.id + '>' + b.id + ' ' + toString(r.periodStart) + ' ' + r.serviceLine + ' m' + r.medicare
                       + ' c' + r.commercial + ' s' + r.selfPay AS referral ORDER BY referral
                """, Map.of()).stream().map(r -> r.get("referral").asString()).toList()).isEqualTo(List.of(
                "synthea:p1>synthea:p2 2020-03-01 Cardiology m1 c0 s0",
                "synthea:p1>synthea:p2 2020-04-01 Cardiology m0 c1 s0",
                "synthea:p2>synthea:p1 2020-04-01 Primary Care m0 c0 s1"));
        assertThat(GraphFixtures.rows(driver, "MATCH (y:Payer {id: 'synthea:y2'}) RETURN y.type AS type", Map.of())
                .get(0).get("type").asString()).isEqualTo("SELF_PAY");
    }
}
