package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.cell;
import static org.liaisonprm.KaribuUi.notifications;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.KaribuUi;
import org.liaisonprm.demo.DemoProperties;
import org.liaisonprm.demo.DemoRegion;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Targets on the demo region. liaison1 covers South Shore (Quincy, Braintree, Weymouth, Milton, Brockton;
 * docs/demo-data.md), where the six orthopedic splitters of Riverbend Primary Care – Quincy practise.
 */
@DemoGraphTest
class TargetsViewTests {

    static final Set<String> SOUTH_SHORE = Set.of("Quincy", "Braintree", "Weymouth", "Milton", "Brockton");

    private static DemoRegion region;

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    Driver driver;

    @BeforeAll
    static void generateTheRegion(@Autowired DemoProperties demo) {
        region = GeneratedDemoRegion.of(demo);
    }

    /** The ids of the generated physicians who practise in these towns. */
    static Set<String> physiciansIn(DemoRegion region, Set<String> towns) {
        return region.physicians().stream().filter(p -> towns.contains(p.city())).map(DemoRegion.PhysicianRow::id)
                .collect(Collectors.toSet());
    }

    @Test
    void aLiaisonSeesTheTerritoryTheyCoverRankedByScore() {
        var southShore = physiciansIn(region, SOUTH_SHORE);
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("targets");

        assertThat(getSuggestions(territory())).containsExactly("South Shore (" + southShore.size() + ")");
        var targets = _findAll(grid());
        assertThat(targets).hasSize(southShore.size());
        assertThat(targets).extracting(Target::physicianId).containsExactlyInAnyOrderElementsOf(southShore);
        assertThat(targets).isSortedAccordingTo(Comparator.comparingDouble(Target::score).reversed());
    }

    @Test
    void aLinkToAnotherLiaisonsTerritoryShowsOnlyTheirOwn() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("targets", QueryParameters.of("territory", "north-shore"));

        assertThat(territory().getValue().id()).isEqualTo("south-shore");
        assertThat(_findAll(grid())).extracting(Target::physicianId).isSubsetOf(physiciansIn(region, SOUTH_SHORE));
    }

    @Test
    void aManagerChoosesAmongEveryTerritory() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("targets", QueryParameters.of("territory", "north-shore"));

        assertThat(getSuggestions(territory())).hasSize(5);
        assertThat(territory().getValue().name()).isEqualTo("North Shore");
        assertThat(_findAll(grid())).extracting(Target::physicianId)
                .containsExactlyInAnyOrderElementsOf(physiciansIn(region, Set.of("Lynn", "Salem", "Peabody", "Revere")));
    }

    @Test
    void onOrthopedicReferralsTheQuincySplittersAreSplitters() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("targets");
        _setValue(_get(Select.class, spec -> spec.withLabel("Service line")), "Orthopedics");

        Map<String, Segment> segments = _findAll(grid()).stream()
                .collect(Collectors.toMap(Target::physicianId, Target::segment));
        assertThat(region.planted().orthopedicSplitterIds())
                .allSatisfy(id -> assertThat(segments).containsEntry(id, Segment.SPLITTER));

        _setValue(_get(Select.class, spec -> spec.withLabel("Segment")), Segment.SPLITTER);
        var splitters = _findAll(grid());
        assertThat(splitters).extracting(Target::segment).containsOnly(Segment.SPLITTER);
        assertThat(splitters).extracting(Target::physicianId).containsAll(region.planted().orthopedicSplitterIds());
        assertThat(splitters.size()).isLessThan(segments.size());
    }

    @Test
    void addToPlanPutsTheTargetIntoThisWeeksPlanOnce() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("targets");
        var grid = grid();
        int row = firstUnplannedRow(grid);
        var target = _findAll(grid).get(row);

        var add = _get(cell(grid, row, ""), Button.class, spec -> spec.withClasses("target-add"));
        _click(add);

        assertThat(add.getText()).isEqualTo("Planned");
        assertThat(add.isEnabled()).isFalse();
        assertThat(notifications()).anySatisfy(text -> assertThat(text).startsWith(target.name() + " added: "));
        assertThat(plannedThisWeek("liaison1")).contains(target.physicianId());
        var again = _get(cell(grid, row, ""), Button.class, spec -> spec.withClasses("target-add"));
        assertThat(again.getText()).as("the row remembers it is planned").isEqualTo("Planned");
        assertThat(again.isEnabled()).isFalse();
    }

    @Test
    void loggingAnInteractionWithATargetMakesItsLastContactToday() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("targets");
        var grid = grid();
        var target = _findAll(grid).stream().filter(t -> t.lastContact() == null).findFirst().orElseThrow();
        int row = _findAll(grid).indexOf(target);
        assertThat(_getFormatted(_getColumnByHeader(grid, "Last contact"), target)).isEqualTo("never");

        _click(_get(cell(grid, row, ""), Button.class, spec -> spec.withClasses("target-log")));
        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Log interaction with " + target.name());
        _click(_get(dialog, Button.class, spec -> spec.withClasses("interaction-save")));

        assertThat(notifications()).contains("Interaction saved");
        var updated = _findAll(grid).stream().filter(t -> t.physicianId().equals(target.physicianId())).findFirst()
                .orElseThrow();
        assertThat(updated.lastContact()).isEqualTo(LocalDate.now());
        assertThat(_getFormatted(_getColumnByHeader(grid, "Last contact"), updated)).isEqualTo("0 days ago");
    }

    @Test
    void analystsAndViewersAreNotShownTargets() {
        ui.signIn("analyst", "ANALYST");
        KaribuUi.assertDenied("targets");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Target> grid() {
        return _get(Grid.class, spec -> spec.withClasses("targets-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Territory> territory() {
        return _get(Select.class, spec -> spec.withLabel("Territory"));
    }

    private static int firstUnplannedRow(Grid<Target> grid) {
        var targets = _findAll(grid);
        for (int row = 0; row < targets.size(); row++) {
            if (_get(cell(grid, row, ""), Button.class, spec -> spec.withClasses("target-add")).isEnabled()) {
                return row;
            }
        }
        throw new AssertionError("every target is planned already");
    }

    /** The targets of the user's plan for the current week, read from the graph. */
    private List<String> plannedThisWeek(String username) {
        return GraphFixtures.rows(driver, """
                MATCH (:User {username: $username})-[:PLANS]->(v:VisitPlan {weekStart: $week})-[:STOP]->(x)
                RETURN x.id AS id
                """, Map.of("username", username, "week", VisitPlans.weekOf(LocalDate.now())))
                .stream().map(r -> r.get("id").asString()).toList();
    }
}
