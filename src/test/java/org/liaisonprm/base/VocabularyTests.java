package org.liaisonprm.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The label catalogue: every value people may see has words of its own, found in one place. */
class VocabularyTests {

    /**
     * Enums that never reach a screen, a chart, a CSV file or the audit trail: settings, internal states of
     * the importer, the benchmark and the explorer's request, and what the results panel picks.
     */
    private static final Set<String> INTERNAL = Set.of(
            "org.liaisonprm.graph.GraphProperties$Mode", "org.liaisonprm.graph.Graph$Outcome",
            "org.liaisonprm.report.ReportDefinition$View", "org.liaisonprm.report.ParameterType$Kind",
            "org.liaisonprm.report.ReportColumn$Format", "org.liaisonprm.network.Neighbourhood$Direction",
            "org.liaisonprm.outreach.MapData$ColourBy", "org.liaisonprm.base.NetworkPicture$Kind",
            "org.liaisonprm.importer.BatchWriter$Kind", "org.liaisonprm.importer.ImportArguments$Own",
            "org.liaisonprm.importer.ImportOption", "org.liaisonprm.importer.ImportFormat",
            "org.liaisonprm.bench.LoadMix$Endpoint", "org.liaisonprm.bench.LoadMix$Kind");

    @Test
    void everyEnumPeopleSeeIsLabelled() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.liaisonprm");
        List<String> unlabelled = classes.stream().filter(JavaClass::isEnum)
                .filter(c -> !c.isAssignableTo(Labelled.class))
                .map(JavaClass::getName).filter(name -> !INTERNAL.contains(name)).sorted().toList();
        assertThat(unlabelled).as("enums without a label (implement Labelled, or list them here as internal)").isEmpty();
    }

    /** A label is words: not the constant's name, not upper case with underscores, not camel case. */
    @Test
    void everyValueOfEveryKindHasWordsOfItsOwn() {
        assertThat(Vocabulary.kinds()).containsKeys("network", "segment", "interaction-type", "reached",
                "task-status", "alert-status", "alert-kind", "goal-metric", "goal-state", "role", "service-line",
                "specialty", "facility-type", "payer-type", "audit-type", "grouping");
        Vocabulary.kinds().forEach((kind, codes) -> codes.forEach((code, value) -> {
            String label = value.label();
            assertThat(label).as(kind + " " + code).isNotBlank().isNotEqualTo(code)
                    .doesNotMatch(".*\\b[A-Z]{2,}_[A-Z_]+\\b.*").doesNotMatch(".*\\b[a-z]+[A-Z][a-z]+\\b.*");
        }));
    }

    @Test
    void codesAreLookedUpByKind() {
        assertThat(Vocabulary.label("network", "OUT")).hasValue("Out of network");
        assertThat(Vocabulary.label("segment", "LOYALIST")).hasValue("Loyalist");
        assertThat(Vocabulary.label("interaction-type", "LUNCH_AND_LEARN")).hasValue("Lunch and learn");
        assertThat(Vocabulary.label("reached", "OFFICE_STAFF")).hasValue("Office staff");
        assertThat(Vocabulary.label("network", "SIDEWAYS")).isEmpty();
        assertThat(Vocabulary.label(Network.AFFILIATED)).isEqualTo("Affiliated");
        assertThat(Network.labelOf("IN")).isEqualTo("In network");
        assertThat(Network.labelOf("elsewhere")).isEqualTo("elsewhere");
    }

    /** A column of codes is labelled by the one kind that holds them all; NONE alone is in two kinds. */
    @Test
    void theKindOfAColumnIsTheOneThatHoldsAllItsCodes() {
        assertThat(Vocabulary.kindHolding(Set.of("IN", "OUT"))).hasValue("network");
        assertThat(Vocabulary.kindHolding(Set.of("LOYALIST", "SPLITTER"))).hasValue("segment");
        assertThat(Vocabulary.kindHolding(Set.of("NONE"))).isEmpty();
        assertThat(Vocabulary.kindHolding(Set.of("IN", "LOYALIST"))).isEmpty();
        assertThat(Vocabulary.kindHolding(Set.of("Ann Lee"))).isEmpty();
    }

    @Test
    void machineNamesReadAsWords() {
        assertThat(Vocabulary.humanise("leakageRate")).isEqualTo("Leakage rate");
        assertThat(Vocabulary.humanise("revenueAtRisk")).isEqualTo("Revenue at risk");
        assertThat(Vocabulary.humanise("topDestinationId")).isEqualTo("Top destination");
        assertThat(Vocabulary.humanise("IN_PERSON_VISIT")).isEqualTo("In person visit");
        assertThat(Vocabulary.humanise("zip")).isEqualTo("ZIP");
        assertThat(Vocabulary.humanise("npi")).isEqualTo("NPI");
        assertThat(Vocabulary.kindOf(org.liaisonprm.base.FacilityType.class)).isEqualTo("facility-type");
    }
}
