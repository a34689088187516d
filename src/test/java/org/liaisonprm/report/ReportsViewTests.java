package org.liaisonprm.report;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.KaribuUi;

/**
 * The report library on the demo region. The built-in reports are the files of {@code cypher/reports}: twelve
 * on the referral market and two in the Outreach category, which only those who do outreach see.
 */
@DemoGraphTest
class ReportsViewTests {

    private static final List<String> MARKET_REPORTS = List.of("Chain leakage paths", "Competitor share by ZIP",
            "Facility inflow", "Influential referrers", "Leakage by service line", "Look-alike prospects",
            "Lost referrers", "Loyalty segments", "Payer mix", "Referral brokers", "Referral communities",
            "Top leaking physicians");

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Test
    void anAnalystSeesTheMarketReportsByCategoryAndMayWriteOne() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("reports");

        assertThat(categories()).contains("Facilities", "Influence", "Leakage", "Loyalty", "Market").doesNotContain("Outreach");
        assertThat(titles()).containsAll(MARKET_REPORTS).doesNotContain("Outreach ROI", "Untouched targets");
        assertThat(_find(RouterLink.class, spec -> spec.withText("Write a report"))).hasSize(1);
    }

    @Test
    void aLiaisonAlsoSeesTheOutreachReportsButWritesNone() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("reports");

        assertThat(categories()).contains("Outreach");
        assertThat(titles()).contains("Outreach ROI", "Untouched targets").containsAll(MARKET_REPORTS);
        assertThat(_find(RouterLink.class, spec -> spec.withText("Write a report"))).isEmpty();
    }

    @Test
    void theSearchNarrowsTheLibraryToWhatTheUserMaySee() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("reports");
        _setValue(search(), "leak");
        // untouched-targets speaks of leaked revenue too, but it is an outreach report
        assertThat(titles()).containsExactlyInAnyOrder("Chain leakage paths", "Leakage by service line",
                "Top leaking physicians");

        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("reports");
        _setValue(search(), "leak");
        assertThat(titles()).containsExactlyInAnyOrder("Chain leakage paths", "Leakage by service line",
                "Top leaking physicians");
    }

    @Test
    void aSearchThatMatchesNothingSaysSo() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("reports");
        _setValue(search(), "zebra crossings");

        assertThat(titles()).isEmpty();
        assertThat(_get(_get(ReportsView.class), Paragraph.class).getText()).isEqualTo("No report matches \u201czebra crossings\u201d.");
    }

    private static TextField search() {
        return _get(TextField.class, spec -> spec.withClasses("reports-search"));
    }

    private static List<String> categories() {
        return _find(H2.class).stream().map(H2::getText).toList();
    }

    private static List<String> titles() {
        return _find(RouterLink.class, spec -> spec.withClasses("report-link")).stream().map(RouterLink::getText).toList();
    }
}
