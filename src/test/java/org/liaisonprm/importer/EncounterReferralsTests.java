package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.base.PayerType;

/**
 * The derivation of referrals from encounters on its own, without a graph: same-instant visits, repeats, and
 * the external sort giving what the in-memory derivation gives.
 */
class EncounterReferralsTests {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 4);

    @Test
    void twoProvidersOnTheSameDayAreASameDayVisitWhicheverRowComesFirst() {
        for (var order : List.of(List.of("A", "B"), List.of("B", "A"))) {
            var encounters = new EncounterReferrals(true);
            long line = 2;
            for (String provider : order) {
                encounters.add(encounter("P1", provider, DAY, 0, line++));
            }
            // and C a week later: A→C and B→C
            encounters.add(encounter("P1", "C", DAY.plusDays(7), 0, line));
            var referrals = new ArrayList<EncounterReferrals.Referral>();
            var derived = encounters.derive(30, Map.of(), "Other", e -> true, e -> { }, referrals::add);
            assertThat(derived.sameDayVisits()).isEqualTo(1);
            assertThat(referrals).extracting(r -> r.from() + ">" + r.to())
                    .containsExactlyInAnyOrder("A>C", "B>C");
        }
    }

    @Test
    void encountersWithATimeAreASameDayVisitOnlyAtTheSameInstant() {
        var encounters = new EncounterReferrals(false);
        long nine = 9 * 3_600_000L;
        encounters.add(encounter("P1", "A", DAY, nine, 2));
        encounters.add(encounter("P1", "B", DAY, nine, 3));
        encounters.add(encounter("P1", "C", DAY, nine + 3_600_000L, 4));
        var referrals = new ArrayList<EncounterReferrals.Referral>();
        var derived = encounters.derive(30, Map.of(), "Other", e -> true, e -> { }, referrals::add);
        assertThat(derived.sameDayVisits()).isEqualTo(1);
        assertThat(referrals).extracting(r -> r.from() + ">" + r.to() + " " + r.referrals())
                .containsExactlyInAnyOrder("A>C 1", "B>C 1");
    }

    @Test
    void aRepeatedEncounterIsToldOfOnceAndCountsOnce() {
        var encounters = new EncounterReferrals(true, 2, 1);
        encounters.add(encounter("P1", "A", DAY, 0, 2));
        encounters.add(encounter("P1", "B", DAY.plusDays(3), 0, 3));
        encounters.add(encounter("P1", "A", DAY, 0, 4));
        var repeated = new ArrayList<Long>();
        var referrals = new ArrayList<EncounterReferrals.Referral>();
        var derived = encounters.derive(30, Map.of(), "Other", e -> true, e -> repeated.add(e.line()), referrals::add);
        encounters.close();
        assertThat(repeated).containsExactly(4L);
        assertThat(derived.repeats()).isEqualTo(1);
        assertThat(referrals).extracting(r -> r.from() + ">" + r.to() + " " + r.referrals() + " " + r.patients())
                .containsExactly("A>B 1 1");
    }

    /**
     * 2,000 patients with up to eight encounters each among 12 providers over four months, some on the same
     * day: sorted in chunks of 37 encounters and summed in spills of 11 keys, the derivation gives exactly the
     * referrals, sums and same-day visits of the one held in memory.
     */
    @Test
    void theExternalSortDerivesWhatTheInMemoryDerivationDerives() {
        var inMemory = new EncounterReferrals(true);
        var spilled = new EncounterReferrals(true, 37, 11);
        long seed = 42;
        long line = 2;
        for (int patient = 0; patient < 2_000; patient++) {
            seed = next(seed);
            int visits = 1 + (int) (Math.abs(seed) % 8);
            for (int v = 0; v < visits; v++) {
                seed = next(seed);
                String provider = "D" + Math.abs(seed % 12);
                seed = next(seed);
                LocalDate date = DAY.plusDays(Math.abs(seed % 120));
                seed = next(seed);
                var payer = PayerType.values()[(int) Math.abs(seed % PayerType.values().length)];
                var e = new EncounterReferrals.Encounter("P" + patient, provider, date, 0, payer,
                        Math.abs(seed % 3) == 0 ? "Cardiology" : null, line++);
                inMemory.add(e);
                spilled.add(e);
            }
        }
        var lines = Map.of("D1", "Oncology", "D2", "Primary Care");
        var expected = new ArrayList<EncounterReferrals.Referral>();
        var actual = new ArrayList<EncounterReferrals.Referral>();
        var repeatsInMemory = new ArrayList<Long>();
        var repeatsSpilled = new ArrayList<Long>();
        var a = inMemory.derive(30, lines, "Other", e -> !e.provider().equals("D11"), e -> repeatsInMemory.add(e.line()),
                expected::add);
        var b = spilled.derive(30, lines, "Other", e -> !e.provider().equals("D11"), e -> repeatsSpilled.add(e.line()),
                actual::add);
        spilled.close();
        var order = Comparator.comparing(EncounterReferrals.Referral::toString);
        expected.sort(order);
        actual.sort(order);
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(a.sameDayVisits()).isPositive();
        assertThat(repeatsInMemory).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
        assertThat(b).isEqualTo(a);
        assertThat(repeatsSpilled).containsExactlyInAnyOrderElementsOf(repeatsInMemory);
    }

    private static long next(long seed) {
        return seed * 6364136223846793005L + 1442695040888963407L;
    }

    private static EncounterReferrals.Encounter encounter(String patient, String provider, LocalDate date, long instant,
                                                          long line) {
        return new EncounterReferrals.Encounter(patient, provider, date, instant, PayerType.COMMERCIAL, null, line);
    }
}
