package org.liaisonprm.report;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liaisonprm.KaribuUi.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.QueryParameters;
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
 * One report on the demo region: the form built from its parameters, its rows, a run with other values, links
 * with parameters, the CSV download and who may see what. Lost referrers must find the planted referrer whose
 * volume collapsed in the last quarter (docs/demo-data.md, pattern 3).
 */
@DemoGraphTest
class ReportViewTests {

    private static DemoRegion.Planted planted;

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @BeforeAll
    static void generateTheRegion(@Autowired DemoProperties demo) {
        planted = GeneratedDemoRegion.of(demo).planted();
    }

    @Test
    void lostReferrersRunsWithItsDefaultsAndFindsTheCollapsedReferrer() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("reports/lost-referrers");

        assertThat(_get(H2.class, spec -> spec.withClasses("report-title")).getText()).isEqualTo("Lost referrers");
        assertThat(_get(IntegerField.class, spec -> spec.withId("param-months")).getValue()).isEqualTo(3);
        assertThat(_get(NumberField.class, spec -> spec.withId("param-dropPct")).getValue()).isEqualTo(50.0);
        var rows = _findAll(grid());
        assertThat(rows).isNotEmpty();
        assertThat(rows.subList(0, Math.min(3, rows.size()))).extracting(row -> row.get(0))
                .contains(planted.collapsedReferrerId());
        assertThat(summary()).startsWith("%,d rows · ".formatted(rows.size()));
    }

    @Test
    void runningWithAStifferDropKeepsOnlyThoseWhoLostThatMuch() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("reports/lost-referrers");
        int atHalf = _findAll(grid()).size();

        _setValue(_get(NumberField.class, spec -> spec.withId("param-dropPct")), 80.0);
        _click(_get(Button.class, spec -> spec.withClasses("report-run")));

        var rows = _findAll(grid());
        assertThat(rows.size()).isLessThanOrEqualTo(atHalf);
        assertThat(rows).allSatisfy(row -> assertThat((Double) row.get(column("dropPct"))).isGreaterThanOrEqualTo(80.0));
        assertThat(rows).as("her referrals fell to about a tenth").extracting(row -> row.get(0))
                .contains(planted.collapsedReferrerId());
    }

    @Test
    void aLinkWithParametersFillsTheFormAndRunsIt() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("reports/top-leaking-physicians",
                new QueryParameters(Map.of("limit", List.of("5"), "includeAffiliated", List.of("false"))));

        assertThat(_get(IntegerField.class, spec -> spec.withId("param-limit")).getValue()).isEqualTo(5);
        var rows = _findAll(grid());
        assertThat(rows).hasSize(5);
        assertThat(rows).extracting(row -> row.get(column("network"))).containsOnly("IN");
        assertThat(rows).extracting(row -> (Long) row.get(column("leaked"))).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aValueInALinkThatDoesNotFitIsNamedAndTheDefaultKept() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("reports/lost-referrers", QueryParameters.of("months", "a quarter"));

        assertThat(notifications()).anySatisfy(text -> assertThat(text).startsWith("months: "));
        assertThat(_get(IntegerField.class, spec -> spec.withId("param-months")).getValue()).isEqualTo(3);
        assertThat(_findAll(grid())).isNotEmpty();
    }

    @Test
    void theDownloadHoldsTheRowsShown() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("reports/lost-referrers");
        int rows = _findAll(grid()).size();

        var csv = new String(_download(_get(Anchor.class, spec -> spec.withClasses("report-download"))),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(csv).hasSize(rows + 1);
        assertThat(csv.get(0)).startsWith("NPI,Physician,");
        assertThat(csv.get(1)).startsWith(_findAll(grid()).get(0).get(0) + ",");
    }

    @Test
    void aViewerRunsReportsButGetsNoDownload() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("reports/lost-referrers");

        assertThat(_findAll(grid())).isNotEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withClasses("report-download"))).isEmpty();
    }

    @Test
    void anOutreachReportIsNotFoundForAnAnalyst() {
        ui.signIn("analyst", "ANALYST");
        assertThatThrownBy(() -> UI.getCurrent().navigate("reports/outreach-roi"))
                .hasMessageContaining("No report outreach-roi");
    }

    @SuppressWarnings("unchecked")
    private static Grid<List<Object>> grid() {
        return _get(Grid.class, spec -> spec.withClasses("report-grid"));
    }

    /** The index of a result column, as the grid's column keys name them. */
    private static int column(String name) {
        return grid().getColumns().stream().map(Grid.Column::getKey).toList().indexOf(name);
    }

    private static String summary() {
        return _get(Span.class, spec -> spec.withClasses("report-summary")).getText();
    }
}
