package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.cell;
import static org.liaisonprm.KaribuUi.notifications;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.IntStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
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
 * The visit plan on the demo region. liaison2 has this week planned with North Shore referrers (Lynn, Salem,
 * Peabody, Revere); liaison3 and liaison4 start with nothing planned, and liaison4 adds stops from Targets here.
 */
@DemoGraphTest
class PlanViewTests {

    private static final Set<String> NORTH_SHORE = Set.of("Lynn", "Salem", "Peabody", "Revere");

    private static DemoRegion region;

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @BeforeAll
    static void generateTheRegion(@Autowired DemoProperties demo) {
        region = GeneratedDemoRegion.of(demo);
    }

    @Test
    void theDemoPlanShowsItsStopsInRouteOrderFromTheTerritorysFirstZip() {
        String lynn = region.physicians().stream().filter(p -> p.city().equals("Lynn")).findFirst().orElseThrow().zip();
        ui.signIn("liaison2", "LIAISON");
        UI.getCurrent().navigate("plan");

        var stops = _findAll(grid());
        assertThat(stops).hasSizeBetween(4, 5);
        assertThat(stops).extracting(VisitPlan.Stop::order)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, stops.size()).boxed().toList());
        assertThat(stops).extracting(VisitPlan.Stop::targetId).isSubsetOf(TargetsViewTests.physiciansIn(region, NORTH_SHORE));
        assertThat(stops).extracting(VisitPlan.Stop::plannedAt).isSorted();
        assertThat(_get(TextField.class, spec -> spec.withLabel("Start ZIP")).getValue()).isEqualTo(lynn);
        assertThat(summary()).startsWith(stops.size() + " visits · ").endsWith(" from ZIP " + lynn + " · 0 done");
        assertThat(_find(Select.class, spec -> spec.withLabel("Liaison"))).as("a liaison sees their own plan only").isEmpty();

        String csv = new String(_download(_get(Anchor.class, spec -> spec.withClasses("plan-csv"))), StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(stops.size() + 1);
        String ics = new String(_download(_get(Anchor.class, spec -> spec.withClasses("plan-ics"))), StandardCharsets.UTF_8);
        assertThat(ics.lines().filter("BEGIN:VEVENT"::equals)).hasSize(stops.size());
    }

    @Test
    void anEmptyWeekSaysWhereStopsComeFrom() {
        ui.signIn("liaison3", "LIAISON");
        UI.getCurrent().navigate("plan");

        assertThat(summary()).isEqualTo("No visits planned for the week of " + VisitPlans.weekOf(LocalDate.now()));
        assertThat(_get(Paragraph.class, spec -> spec.withText(
                "Add physicians from Targets (\"Add to plan\") and they appear here in route order."))).isNotNull();
        assertThat(_find(Grid.class, spec -> spec.withClasses("plan-grid"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withClasses("plan-ics"))).isEmpty();
    }

    @Test
    void aStopAddedFromTargetsIsVisitedWithDone() {
        ui.signIn("liaison4", "LIAISON");
        var target = addTheFirstUnplannedTarget();
        UI.getCurrent().navigate("plan");

        var grid = grid();
        int row = rowOf(grid, target.physicianId());
        _click(_get(cell(grid, row, ""), Button.class, spec -> spec.withClasses("stop-mark-done")));
        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Log interaction with " + target.name());
        _click(_get(dialog, Button.class, spec -> spec.withClasses("interaction-save")));

        row = rowOf(grid, target.physicianId());
        assertThat(_findAll(grid).get(row).done()).isTrue();
        assertThat(_get(cell(grid, row, ""), Span.class, spec -> spec.withClasses("stop-done")).getText()).isEqualTo("Done");
        assertThat(notifications()).contains("Stop " + (row + 1) + " done");
        assertThat(summary()).endsWith(" · " + _findAll(grid).stream().filter(VisitPlan.Stop::done).count() + " done");
    }

    @Test
    void aStopRemovedLeavesThePlan() {
        ui.signIn("liaison4", "LIAISON");
        var target = addTheFirstUnplannedTarget();
        UI.getCurrent().navigate("plan");
        var grid = grid();
        int before = _findAll(grid).size();

        _click(_get(cell(grid, rowOf(grid, target.physicianId()), ""), Button.class,
                spec -> spec.withAttribute("aria-label", "Remove " + target.name())));

        assertThat(_findAll(grid)).hasSize(before - 1)
                .noneSatisfy(stop -> assertThat(stop.targetId()).isEqualTo(target.physicianId()));
    }

    @Test
    void aStartThatIsNoZipCodeIsRefusedOnTheField() {
        ui.signIn("liaison4", "LIAISON");
        UI.getCurrent().navigate("plan");
        var start = _get(TextField.class, spec -> spec.withLabel("Start ZIP"));

        _setValue(start, "0216");
        _click(_get(Button.class, spec -> spec.withClasses("plan-reroute")));

        assertThat(start.isInvalid()).isTrue();
        assertThat(start.getErrorMessage()).isEqualTo("'0216' is not a 5-digit ZIP code");
    }

    @Test
    void aManagerLooksAtALiaisonsPlanWithoutChangingIt() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("plan", QueryParameters.of("user", "liaison2"));

        assertThat(_get(Select.class, spec -> spec.withLabel("Liaison")).getValue()).isEqualTo("liaison2");
        var grid = grid();
        assertThat(_findAll(grid)).hasSizeBetween(4, 5);
        for (int row = 0; row < _findAll(grid).size(); row++) {
            assertThat(_get(cell(grid, row, ""), Button.class, spec -> spec.withClasses("stop-mark-done")).isEnabled())
                    .as("only the owner marks stops done").isFalse();
        }
    }

    @Test
    void viewersHaveNoPlan() {
        ui.signIn("viewer", "VIEWER");
        KaribuUi.assertDenied("plan");
    }

    /** Adds, on Targets, the best-scored target not yet in this week's plan. */
    private static Target addTheFirstUnplannedTarget() {
        UI.getCurrent().navigate("targets");
        @SuppressWarnings("unchecked")
        Grid<Target> targets = _get(Grid.class, spec -> spec.withClasses("targets-grid"));
        var all = _findAll(targets);
        for (int row = 0; row < all.size(); row++) {
            var add = _get(cell(targets, row, ""), Button.class, spec -> spec.withClasses("target-add"));
            if (add.isEnabled()) {
                _click(add);
                return all.get(row);
            }
        }
        throw new AssertionError("every target is planned already");
    }

    private static int rowOf(Grid<VisitPlan.Stop> grid, String targetId) {
        var stops = _findAll(grid);
        return IntStream.range(0, stops.size()).filter(i -> stops.get(i).targetId().equals(targetId)).findFirst()
                .orElseThrow(() -> new AssertionError(targetId + " is not in the plan"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<VisitPlan.Stop> grid() {
        return _get(Grid.class, spec -> spec.withClasses("plan-grid"));
    }

    private static String summary() {
        return _get(Span.class, spec -> spec.withClasses("plan-summary")).getText();
    }
}
