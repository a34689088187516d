package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV reader on hand-made files, each read with the normal buffer and with buffers of a few bytes, so that
 * rows, quoted line breaks, line ends and multi-byte characters fall across refills.
 */
class CsvRowsTests {

    @TempDir
    Path dir;

    private static final String TRICKY = "\uFEFFname,note,count\r\n"
            + "\"Smith, Ann\",\"said \"\"hi\"\"\",3\r\n"
            + "\r\n"
            + "\"multi\nline\",\"Zoë Ørsted — 東京\",4\n"
            + " , ,\n"
            + "plain,,5,\n"
            + "\"\"\"\",\"\",6\r"
            + "last,\"a,b\",7";

    @ParameterizedTest
    @ValueSource(ints = {1 << 20, 16, 17, 23, 31})
    void readsQuotesLineBreaksLineEndsAndCharactersWhateverTheBuffer(int buffer) throws IOException {
        var rows = read(write(TRICKY), buffer);
        assertThat(rows).containsExactly(
                "1:name|note|count",
                "2:Smith, Ann|said \"hi\"|3",
                "4:multi\nline|Zoë Ørsted — 東京|4",
                "7:plain||5",
                "8:\"||6",
                "9:last|a,b|7");
    }

    @Test
    void aRowLongerThanTheBufferIsReadWhole() throws IOException {
        String wide = "x".repeat(5_000);
        var rows = read(write("a,b\n" + wide + ",\"" + wide + "\"\nc,d\n"), 64);
        assertThat(rows).containsExactly("1:a|b", "2:" + wide + "|" + wide, "3:c|d");
    }

    @Test
    void aFieldIsReadAloneWithoutTheOthers() throws IOException {
        try (var csv = CsvRows.open(write("a,\"b,c\",d\n"))) {
            var row = csv.next();
            assertThat(row.get(1)).isEqualTo("b,c");
            assertThat(row.get(2)).isEqualTo("d");
            assertThat(row.get(7)).isEmpty();
            assertThat(row.get(-1)).isEmpty();
            assertThat(row.values()).containsExactly("a", "b,c", "d");
        }
    }

    @Test
    void aQuoteNeverClosedRefusesWhatFollowsNamingItsLine() throws IOException {
        Path file = write("a,b\n1,2\n3,\"open\n4,5\n");
        try (var csv = CsvRows.open(file)) {
            assertThat(csv.next().values()).containsExactly("a", "b");
            assertThat(csv.next().values()).containsExactly("1", "2");
            assertThatThrownBy(csv::next).isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("Line 3 opens a quoted field that is never closed");
        }
    }

    /** A quote opened early in a big file would otherwise make the reader hold the rest of the file as one row. */
    @Test
    void aRowLongerThanTheLimitIsRefusedNamingItsLine() throws IOException {
        Path file = write("a,b\n1,\"open\n" + "x".repeat(CsvRows.MAX_ROW + 10) + "\n");
        try (var csv = CsvRows.open(file)) {
            assertThat(csv.next().values()).containsExactly("a", "b");
            assertThatThrownBy(csv::next).isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("Line 2 is longer than 16 MB");
        }
    }

    @Test
    void anEmptyFileHasNoFirstRowAndProgressReachesTheEnd() throws IOException {
        try (var csv = CsvRows.open(write("\n\n"))) {
            assertThat(csv.firstRow()).isNull();
            assertThat(csv.next()).isNull();
        }
        try (var csv = CsvRows.open(write("a,b\n1,2\n"))) {
            while (csv.next() != null) {
                // read through
            }
            assertThat(csv.fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void binaryDataIsRefused() throws IOException {
        Path file = dir.resolve("binary.csv");
        Files.write(file, new byte[] {'a', ',', 0, 1, 2});
        assertThatThrownBy(() -> CsvRows.open(file)).isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("not a CSV text file");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "rows", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> read(Path file, int buffer) {
        var out = new ArrayList<String>();
        try (var csv = CsvRows.open(file, buffer)) {
            CsvRows.Row row;
            while ((row = csv.next()) != null) {
                out.add(row.line() + ":" + String.join("|", Arrays.asList(row.values())));
            }
        }
        return out;
    }
}
