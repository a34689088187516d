package org.liaisonprm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liaisonprm.physician.Npi;

/**
 * The generated region as data, before it reaches the graph.
 */
class DemoRegionGeneratorTests {

    private static final YearMonth LAST = YearMonth.of(2026, 10);
    private static DemoRegion region;

    @BeforeAll
    static void generate() {
        region = new DemoRegionGenerator(42, 2500, LAST).generate();
    }

    @Test
    void theSameSeedGivesTheSameRegionAndAnotherSeedAnother() {
        assertThat(new DemoRegionGenerator(42, 2500, LAST).generate()).isEqualTo(region);
        assertThat(new DemoRegionGenerator(43, 2500, LAST).generate().physicians())
                .isNotEqualTo(region.physicians());
    }

    @Test
    void hasTheRequestedSizeAndShape() {
        assertThat(region.physicians()).hasSize(2500);
        assertThat(region.practices()).hasSizeBetween(330, 480);
        assertThat(region.healthSystems()).hasSize(3).filteredOn(DemoRegion.HealthSystemRow::home).hasSize(1);
        assertThat(region.facilities()).extracting(DemoRegion.FacilityRow::type)
                .contains("HOSPITAL", "ASC", "IMAGING", "SNF", "URGENT_CARE", "CLINIC");
        assertThat(region.facilities()).filteredOn(f -> f.healthSystemId() == null).hasSizeGreaterThanOrEqualTo(4);
        assertThat(region.referrals().stream().map(DemoRegion.ReferralRow::serviceLine).distinct().count())
                .isGreaterThanOrEqualTo(8);
        var months = region.referrals().stream().map(DemoRegion.ReferralRow::periodStart).collect(Collectors.toSet());
        assertThat(months).hasSize(24).contains(LocalDate.of(2024, 11, 1), LocalDate.of(2026, 10, 1));
    }

    @Test
    void everyNpiIsValidAndUnique() {
        var seen = new HashSet<String>();
        region.physicians().forEach(p -> {
            assertThat(Npi.problem(p.npi())).as(p.npi()).isNull();
            assertThat(seen.add(p.npi())).as("duplicate " + p.npi()).isTrue();
        });
        region.practices().forEach(p -> assertThat(seen.add(p.npi())).as("duplicate " + p.npi()).isTrue());
    }

    @Test
    void payerCountsAddUpAndPatientsNeverExceedReferrals() {
        assertThat(region.referrals()).allSatisfy(r -> {
            assertThat(r.commercial() + r.medicare() + r.medicaid() + r.selfPay()).isEqualTo(r.referrals());
            assertThat(r.patients()).isBetween(1, r.referrals());
            assertThat(r.sourceId()).isNotEqualTo(r.targetId());
        });
    }

    @Test
    void referralVolumesAreHeavyTailed() {
        var bySource = region.referrals().stream().collect(Collectors.groupingBy(DemoRegion.ReferralRow::sourceId,
                Collectors.summingLong(DemoRegion.ReferralRow::referrals)));
        var volumes = bySource.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
        long total = volumes.stream().mapToLong(Long::longValue).sum();
        long topTenth = volumes.subList(0, volumes.size() / 10).stream().mapToLong(Long::longValue).sum();
        assertThat((double) topTenth / total).as("share of the busiest tenth of referrers").isGreaterThan(0.3);
    }

    @Test
    void oneReferralPerSourceTargetMonthAndServiceLine() {
        var keys = region.referrals().stream()
                .map(r -> r.sourceId() + r.targetId() + r.periodStart() + r.serviceLine())
                .collect(Collectors.toSet());
        assertThat(keys).hasSize(region.referrals().size());
    }
}
