package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.GraphFixtures.count;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Refused rows are reported with their physical line and kept out of the graph; good rows around them are
 * kept; files that cannot be read as the format are refused whole before anything is written.
 */
@EmptyGraphTest
class BadInputTests {

    private static final String HEADER = "from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait\n";

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

    private Importer.Result hop(Path file) {
        return Imports.run(importer, ImportFormat.HOP_TEAMING, file, dir.resolve("errors.csv"), Map.of("period", "2020"));
    }

    @Test
    void everyBadRowIsReportedOnItsLineAndTheGoodOnesAreKept() {
        Path file = Imports.write(dir, "hop.csv", HEADER + """
                1234567890,1558598797,1,2,1,1
                123456789,1558598797,1,2,1,1
                ,1558598797,1,2,1,1
                1234567893,1558598797,-1,2,1,1
                1234567893,1558598797,x,2,1,1
                1234567893,1234567893,1,2,1,1
                1234567893,1558598797,11,20,1,1
                1234567893,1558598797,11,20,1,1
                "1558598797","1234567893","12","30","2.5","1"
                =1+2,1558598797,1,2,1,1
                1234567893,1558598797,30,20,1,1
                """);
        var result = hop(file);

        assertThat(result.summary().rowsRead()).isEqualTo(11);
        assertThat(result.summary().imported()).isEqualTo(2);
        assertThat(result.summary().refused()).isEqualTo(9);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(Imports.errorLines(dir.resolve("errors.csv"))).containsExactlyInAnyOrder(
                "hop.csv,2,from_npi,1234567890,NPI check digit is wrong",
                "hop.csv,3,from_npi,123456789,\"NPI must have 10 digits, not 9\"",
                "hop.csv,4,from_npi,,NPI is empty",
                "hop.csv,5,patient_count,'-1,patient_count is negative",
                "hop.csv,6,patient_count,x,patient_count is not a whole number",
                "hop.csv,7,to_npi,1234567893,a referral from a physician to itself",
                "hop.csv,9,from_npi,,repeats an earlier row of this file with the same key",
                "hop.csv,11,from_npi,'=1+2,NPI must have 10 digits, not 4".replace("NPI must have 10 digits, not 4",
                        "\"NPI must have 10 digits, not 4\""),
                "hop.csv,12,patient_count,30,more patients than referrals (20)");
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN count(r)")).isEqualTo(2);
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN sum(r.referrals)")).isEqualTo(50);
    }

    @Test
    void emptyOversizedFieldsAndBadDatesAreRefused() {
        Path physicians = Imports.write(dir, "physicians.csv", "npi,first_name,last_name\n"
                + "1234567893,Physician," + "x".repeat(600) + "\n"
                + "1558598797,,Two\n"
                + "1245319599,Physician,Three\n");
        var result = Imports.run(importer, ImportFormat.PHYSICIANS, physicians, dir.resolve("e.csv"), Map.of());
        assertThat(result.summary().imported()).isEqualTo(1);
        assertThat(Imports.errorLines(dir.resolve("e.csv"))).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("physicians.csv,2,last_name,xxx").endsWith(
                        "last_name is longer than 500 characters"))
                .contains("physicians.csv,3,first_name,,first_name is empty");

        Path referrals = Imports.write(dir, "referrals.csv", "from_npi,to_npi,period_start,referrals\n"
                + "1234567893,1558598797,2025-13-01,4\n"
                + "1234567893,1558598797,2025-01-01,4\n");
        var dated = Imports.run(importer, ImportFormat.REFERRALS, referrals, dir.resolve("e2.csv"), Map.of());
        assertThat(dated.summary().imported()).isEqualTo(1);
        assertThat(Imports.errorLines(dir.resolve("e2.csv")))
                .containsExactly("referrals.csv,2,period_start,2025-13-01,period_start is not a date (expected YYYY-MM-DD)");
    }

    @Test
    void aMissingColumnRefusesTheWholeFileBeforeAnythingIsWritten() {
        Path file = Imports.write(dir, "hop.csv", "from_npi,to_npi,patient_count\n1234567893,1558598797,11\n");
        var result = hop(file);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("hop.csv lacks the required column transaction_count; nothing was imported");
        assertThat(count(driver, "MATCH (p:Physician) RETURN count(p)")).isZero();
        assertThat(count(driver, "MATCH (i:ImportRun {status: 'REFUSED', file: 'hop.csv'}) RETURN count(i)")).isEqualTo(1);
        assertThat(count(driver, "MATCH (e:AuditEvent {type: 'IMPORT', target: 'hop.csv'}) "
                + "WHERE e.detail CONTAINS 'REFUSED' RETURN count(e)")).isEqualTo(1);
    }

    @Test
    void filesThatAreNotCsvOrEmptyAreRefused() throws IOException {
        Path binary = dir.resolve("picture.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThat(hop(binary).message()).isEqualTo("picture.csv is not a CSV text file (it holds binary data)");

        Path json = Imports.write(dir, "data.json", "{\"from\": 1234567893, \"to\": 1558598797}\n");
        var auto = Imports.run(importer, ImportFormat.AUTO, json, dir.resolve("e.csv"), Map.of());
        assertThat(auto.exitCode()).isEqualTo(2);
        assertThat(auto.message()).startsWith("The format of data.json is not recognised");

        Path empty = Imports.write(dir, "empty.csv", "");
        var nothing = hop(empty);
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.message()).isEqualTo("empty.csv is empty");
        assertThat(count(driver, "MATCH (p:Physician) RETURN count(p)")).isZero();
    }

    @Test
    void readsAByteOrderMarkCrlfAndQuotedFieldsWithCommasAndLineBreaks() throws IOException {
        Path file = dir.resolve("practices.csv");
        String text = "\uFEFFpractice_id,name,city\r\n"
                + "pr1,\"Smith, Jones & Partners\",Worcester\r\n"
                + "pr2,\"North\r\nClinic\",Boston\r\n"
                + "pr3,,Nashua\r\n"
                + "pr4,\"Quote \"\"House\"\"\",Lowell\r\n";
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        var result = Imports.run(importer, ImportFormat.AUTO, file, dir.resolve("e.csv"), Map.of());

        assertThat(result.format()).as("the byte order mark does not hide the header").isEqualTo(ImportFormat.PRACTICES);
        assertThat(result.summary().imported()).isEqualTo(3);
        assertThat(Imports.errorLines(dir.resolve("e.csv")))
                .as("pr3 is on line 5: the name of pr2 spans lines 3 and 4")
                .containsExactly("practices.csv,5,name,,name is empty");
        assertThat(GraphFixtures.rows(driver, "MATCH (p:Practice) RETURN p.id AS id, p.name AS name ORDER BY id", Map.of())
                .stream().map(r -> r.get("id").asString() + "=" + r.get("name").asString()).toList())
                .containsExactly("pr1=Smith, Jones & Partners", "pr2=North\r\nClinic", "pr4=Quote \"House\"");
    }
}
