package org.liaisonprm.physician;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpiTests {

    @ParameterizedTest
    @CsvSource({"1234567893", "1558598797"})
    void acceptsPublishedExamples(String npi) {
        assertThat(Npi.isValid(npi)).isTrue();
        assertThat(Npi.problem(npi)).isNull();
    }

    @Test
    void computesTheCheckDigitOverThePrefixedDigits() {
        assertThat(Npi.checkDigit("123456789")).isEqualTo(3);
        assertThat(Npi.withCheckDigit("155859879")).isEqualTo("1558598797");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234567890|NPI check digit is wrong",
            "123456789|NPI must have 10 digits, not 9",
            "12345678931|NPI must have 10 digits, not 11",
            "3234567893|NPI must start with 1 or 2",
            "12345a7893|NPI must contain digits only",
            "''|NPI is empty"})
    void explainsWhatIsWrong(String npi, String problem) {
        assertThat(Npi.isValid(npi)).isFalse();
        assertThat(Npi.problem(npi)).isEqualTo(problem);
    }
}
