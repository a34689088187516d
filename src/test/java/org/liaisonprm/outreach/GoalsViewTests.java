package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.cell;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.KaribuUi;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Goals on the demo region, for a manager: the nine goals the demo sets (docs/demo-data.md, "Outreach"), adding
 * one and taking it away again, and goals the form refuses.
 */
@DemoGraphTest
class GoalsViewTests {

    private static final List<String> DEMO_GOALS = List.of("Team kept referrals, Orthopedics",
            "Team kept referrals, Cardiology", "South Shore orthopedic leakage", "North Shore kept referrals",
            "Interactions this quarter", "Interactions this quarter", "Interactions this quarter",
            "Interactions this quarter", "Physicians reached this quarter");

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    Driver driver;

    @BeforeEach
    void signInAManager() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("goals");
    }

    /** Whatever a test added stays out of the others' way, even when it fails half-way. */
    @AfterEach
    void removeTheGoalsAddedHere() {
        GraphFixtures.run(driver, "MATCH (g:Goal) WHERE g.name ENDS WITH ', karibu' DETACH DELETE g");
    }

    @Test
    void theDemoGoalsAreListedWithWhomTheyAreForAndWhatTheyMeasure() {
        var goals = _findAll(grid());
        assertThat(goals).extracting(p -> p.goal().name()).containsExactlyInAnyOrderElementsOf(DEMO_GOALS);

        var leakage = goals.stream().filter(p -> p.goal().name().equals("South Shore orthopedic leakage")).findFirst()
                .orElseThrow();
        var row = _getFormattedRow(grid(), goals.indexOf(leakage));
        assertThat(row.subList(0, 3)).containsExactly("South Shore orthopedic leakage", "South Shore",
                "Leakage rate · Orthopedics");
        assertThat(goals).filteredOn(p -> p.goal().name().equals("Interactions this quarter"))
                .extracting(p -> GoalsView.scope(p.goal()))
                .containsExactlyInAnyOrder("Lee Okafor (liaison)", "Sam Patel (liaison)", "Jordan Alvarez (liaison)",
                        "Riley Nguyen (liaison)");
    }

    @Test
    void aGoalAddedForATerritoryIsListedAndCanBeRemoved() {
        int before = _findAll(grid()).size();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Metro North visits, karibu");
        _setValue(forWhom(), "TERRITORY:metro-north");
        _setValue(measures(), GoalMetric.INTERACTIONS_LOGGED);
        _setValue(target(), 40.0);
        _click(_get(Button.class, spec -> spec.withText("Add goal")));

        var goals = _findAll(grid());
        assertThat(goals).hasSize(before + 1);
        var added = goals.stream().filter(p -> p.goal().name().equals("Metro North visits, karibu")).findFirst()
                .orElseThrow();
        int row = goals.indexOf(added);
        assertThat(_getFormattedRow(grid(), row).subList(1, 3)).containsExactly("Metro North", "Interactions logged");
        long logged = interactionsWithMetroNorthThisQuarter();
        assertThat(_get(cell(grid(), row, "Progress"), Span.class, spec -> spec.withClasses("goal-words")).getText())
                .startsWith("%,d of 40".formatted(logged));
        assertThat(_get(cell(grid(), row, "Progress"), Span.class, spec -> spec.withClasses("goal-state")).getText())
                .isEqualTo(added.state().label()).isIn("On track", "Behind", "Met");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).getValue()).as("the form is ready for the next")
                .isEmpty();

        _click(_get(cell(grid(), row, grid().getColumns().size() - 2), Button.class,
                spec -> spec.withAttribute("aria-label", "Remove Metro North visits, karibu")));
        assertThat(_findAll(grid())).hasSize(before)
                .noneSatisfy(p -> assertThat(p.goal().name()).isEqualTo("Metro North visits, karibu"));
    }

    /** A goal's pencil fills the form; saving changes the goal in place. */
    @Test
    void aGoalIsChangedFromItsRow() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Team visits, karibu");
        _setValue(measures(), GoalMetric.INTERACTIONS_LOGGED);
        _setValue(target(), 40.0);
        _click(_get(Button.class, spec -> spec.withText("Add goal")));
        var goals = _findAll(grid());
        int row = goals.indexOf(goals.stream().filter(p -> p.goal().name().equals("Team visits, karibu")).findFirst()
                .orElseThrow());

        _click(_get(cell(grid(), row, grid().getColumns().size() - 2), Button.class,
                spec -> spec.withAttribute("aria-label", "Change Team visits, karibu")));
        assertThat(target().getValue()).isEqualTo(40.0);
        _setValue(target(), 55.0);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Team visits, more, karibu");
        _click(_get(Button.class, spec -> spec.withText("Save changes")));

        assertThat(_findAll(grid())).hasSize(goals.size())
                .filteredOn(p -> p.goal().name().startsWith("Team visits")).singleElement()
                .satisfies(p -> {
                    assertThat(p.goal().name()).isEqualTo("Team visits, more, karibu");
                    assertThat(p.goal().target()).isEqualTo(55.0);
                });
        assertThat(_get(Button.class, spec -> spec.withClasses("goal-save")).getText()).isEqualTo("Add goal");
    }

    /** The scorecard lists every liaison of the demo team with this quarter's figures. */
    @Test
    void theScorecardListsEveryLiaison() {
        @SuppressWarnings("unchecked")
        Grid<Scorecard.Line> scores = _get(Grid.class, spec -> spec.withClasses("scorecard-grid"));
        assertThat(_findAll(scores)).extracting(Scorecard.Line::name)
                .contains("Lee Okafor (liaison)", "Sam Patel (liaison)", "Jordan Alvarez (liaison)", "Riley Nguyen (liaison)");
        assertThat(_findAll(scores)).filteredOn(l -> l.name().equals("Lee Okafor (liaison)")).singleElement()
                .satisfies(l -> assertThat(l.goal()).isPresent());
    }

    @Test
    void aGoalWithoutANameIsRefused() {
        int before = _findAll(grid()).size();
        _setValue(target(), 10.0);
        _click(_get(Button.class, spec -> spec.withText("Add goal")));

        assertThat(error()).isEqualTo("A goal needs a name");
        assertThat(_findAll(grid())).hasSize(before);
    }

    @Test
    void aLeakageRateIsEnteredAsAPercentage() {
        int before = _findAll(grid()).size();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Impossible leakage, karibu");
        _setValue(measures(), GoalMetric.LEAKAGE_RATE);
        _setValue(target(), 150.0);
        _click(_get(Button.class, spec -> spec.withText("Add goal")));

        assertThat(error()).isEqualTo("A leakage rate target is a share between 0 and 1");
        assertThat(_findAll(grid())).hasSize(before);
    }

    @Test
    void liaisonsDoNotSetGoals() {
        ui.signIn("liaison1", "LIAISON");
        KaribuUi.assertDenied("goals");
    }

    /** The goal's measure worked out on the graph: interactions with Metro North's physicians and practices. */
    private long interactionsWithMetroNorthThisQuarter() {
        LocalDate today = LocalDate.now();
        LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        return GraphFixtures.count(driver, """
                MATCH (t:Territory {id: 'metro-north'})
                MATCH (i:Interaction)-[:WITH]->(x) WHERE x.zip IN t.zips AND i.date >= $from AND i.date < $to
                RETURN count(i)
                """, Map.of("from", quarter, "to", quarter.plusMonths(3)));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Goal.Progress> grid() {
        return _get(Grid.class, spec -> spec.withClasses("goals-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Select<String> forWhom() {
        return _get(Select.class, spec -> spec.withLabel("For"));
    }

    @SuppressWarnings("unchecked")
    private static Select<GoalMetric> measures() {
        return _get(Select.class, spec -> spec.withLabel("Measures"));
    }

    private static NumberField target() {
        return _get(NumberField.class, spec -> spec.withLabel("Target"));
    }

    private static String error() {
        return _get(Span.class, spec -> spec.withClasses("territory-error")).getText();
    }
}
