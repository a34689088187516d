package org.liaisonprm.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTests {

    /** What a spreadsheet would evaluate, also behind leading tabs, carriage returns, new lines and spaces. */
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1+1", "@SUM(1)", "\t=HYPERLINK(\"http://x\",\"y\")", "\r=1+1",
            " =cmd|' /C calc'!A0", "\n=1", " \t -2", "\tplain", "\rplain"})
    void textThatASpreadsheetWouldEvaluateStartsWithAnApostrophe(String text) {
        String field = Csv.field(text);
        String unquoted = field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
        assertThat(unquoted).isEqualTo("'" + text);
    }

    @Test
    void numbersStayNumbersAndPlainTextStaysAsItIs() {
        assertThat(Csv.field(-1)).isEqualTo("-1");
        assertThat(Csv.field(-1.5)).isEqualTo("-1.5");
        assertThat(Csv.field(-12L)).isEqualTo("-12");
        assertThat(Csv.field(true)).isEqualTo("true");
        assertThat(Csv.field("Ann Lee")).isEqualTo("Ann Lee");
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
        assertThat(Csv.field(" leading space")).isEqualTo(" leading space");
        assertThat(Csv.field("")).isEmpty();
        assertThat(Csv.field(null)).isEmpty();
    }

    /** Money columns once read 4789200.0 next to 4.179E7; a spreadsheet gets plain digits for both. */
    @Test
    void numbersAreNeverInScientificNotation() {
        assertThat(Csv.field(4789200.0)).isEqualTo("4789200");
        assertThat(Csv.field(4.179E7)).isEqualTo("41790000");
        assertThat(Csv.field(1.25E-5)).isEqualTo("0.0000125");
        assertThat(Csv.field(0.5483)).isEqualTo("0.5483");
        assertThat(Csv.field(new java.math.BigDecimal("1E+7"))).isEqualTo("10000000");
        assertThat(Csv.field(123456789012L)).isEqualTo("123456789012");
        assertThat(Csv.field(Double.NaN)).isEmpty();
        assertThat(Csv.field(Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void fieldsWithSeparatorsAreQuoted() {
        var out = new StringWriter();
        new Csv(out).row(List.of("a,b", "say \"hi\"", "\r=1+1", -3, "line\nbreak"));
        assertThat(out.toString()).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"'\r=1+1\",-3,\"line\nbreak\"\r\n");
    }
}
