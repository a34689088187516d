package org.liaisonprm.network;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.KaribuUi;
import org.liaisonprm.demo.DemoProperties;
import org.liaisonprm.demo.DemoRegion;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A provider's page on the demo region. The figures are worked out from the generated region itself: the
 * referrals a physician sent and received in the last twelve months of data, and the partner sent the most.
 */
@DemoGraphTest
class ProfileViewTests {

    private static DemoRegion region;

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @BeforeAll
    static void generateTheRegion(@Autowired DemoProperties demo) {
        region = GeneratedDemoRegion.of(demo);
    }

    /** The first of the orthopedic splitters (pattern 1 of docs/demo-data.md), an in-network family doctor. */
    private static DemoRegion.PhysicianRow splitter() {
        String id = region.planted().orthopedicSplitterIds().get(0);
        return region.physicians().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPhysiciansPageShowsWhoTheyAreAndWhatTheyReferred() {
        var physician = splitter();
        LocalDate end = region.referrals().stream().map(DemoRegion.ReferralRow::periodEnd).max(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate start = end.minusMonths(12);
        long sent = 0;
        long received = 0;
        var sentTo = new HashMap<String, Long>();
        for (var r : region.referrals()) {
            if (r.periodStart().isBefore(start)) {
                continue;
            }
            if (r.sourceId().equals(physician.id())) {
                sent += r.referrals();
                sentTo.merge(r.targetId(), (long) r.referrals(), Long::sum);
            }
            if (r.targetId().equals(physician.id())) {
                received += r.referrals();
            }
        }
        var top = sentTo.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow();
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("physicians/" + physician.id());

        var view = _get(ProfileView.class);
        assertThat(_get(view, H2.class).getText()).isEqualTo(physician.name());
        assertThat(fact(view, "NPI")).isEqualTo(physician.npi());
        assertThat(fact(view, "Specialty")).isEqualTo(physician.specialty());
        assertThat(fact(view, "Last interaction")).isNotBlank();
        assertThat(figure(view, "Referrals sent, last 12 months")).isEqualTo("%,d".formatted(sent));
        assertThat(figure(view, "Received")).isEqualTo("%,d".formatted(received));

        @SuppressWarnings("unchecked")
        Grid<ProviderProfile.Partner> sendsTo = _get(section(view, "profile-partner-list", "Sends most to"), Grid.class);
        assertThat(_get(sendsTo, 0).id()).isEqualTo(top.getKey());
        assertThat(_getFormattedRow(sendsTo, 0)).last().isEqualTo("%,d".formatted(top.getValue()));
        assertThat(_get(view, RouterLink.class, spec -> spec.withClasses("profile-explore")).getHref())
                .isEqualTo("network?focus=" + physician.id());
    }

    @Test
    void aLiaisonMayLogAnInteractionFromAPhysiciansPage() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("physicians/" + splitter().id());

        _click(_get(Button.class, spec -> spec.withClasses("profile-log")));
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Log interaction with " + splitter().name());
    }

    @Test
    void aViewerMayNotLogAnInteraction() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("physicians/" + splitter().id());

        assertThat(_get(_get(ProfileView.class), H2.class).getText()).isEqualTo(splitter().name());
        assertThat(_find(Button.class, spec -> spec.withClasses("profile-log"))).isEmpty();
    }

    @Test
    void aFacilityHasNoOutreachAndNoLastInteraction() {
        String hospital = region.planted().brokerHospitalId();
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("facilities/" + hospital);

        var view = _get(ProfileView.class);
        assertThat(_get(view, H2.class).getText()).isEqualTo(region.facilities().stream()
                .filter(f -> f.id().equals(hospital)).findFirst().orElseThrow().name());
        assertThat(_find(view, Button.class, spec -> spec.withClasses("profile-log"))).isEmpty();
        assertThat(get_textRecursively(_get(view, Component.class, spec -> spec.withClasses("profile-facts"))))
                .doesNotContain("Last interaction");
    }

    @Test
    void anUnknownProviderIsNotFound() {
        ui.signIn("viewer", "VIEWER");
        assertThatThrownBy(() -> UI.getCurrent().navigate("physicians/0000000000"))
                .hasMessageContaining("No provider 0000000000");
    }

    /** The value beside a label in the provider's facts. */
    private static String fact(Component view, String label) {
        var facts = _get(view, Component.class, spec -> spec.withClasses("profile-facts"));
        var line = _get(facts, Component.class, spec -> spec.withClasses("details-line")
                .withPredicate(c -> c.getChildren().findFirst().map(first -> ((Span) first).getText().equals(label))
                        .orElse(false)));
        return ((Span) line.getChildren().skip(1).findFirst().orElseThrow()).getText();
    }

    private static String figure(Component view, String label) {
        return _get(section(view, "profile-figure", label), Span.class, spec -> spec.withClasses("profile-figure-value"))
                .getText();
    }

    /** The part of the page with this class name whose text holds {@code text}. */
    private static Component section(Component view, String className, String text) {
        return _get(view, Component.class, spec -> spec.withClasses(className)
                .withPredicate(c -> get_textRecursively(c).contains(text)));
    }
}
