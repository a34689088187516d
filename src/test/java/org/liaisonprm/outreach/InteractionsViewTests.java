package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems;
import static com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.cell;

import java.time.LocalDate;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.KaribuUi;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Interactions on the demo region, which holds half a year of them for every liaison: a liaison's own, the team's
 * for a manager with filters, logging one for a physician found by name, and one the form refuses.
 */
@DemoGraphTest
class InteractionsViewTests {

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    Driver driver;

    @Autowired
    Tasks tasks;

    @Test
    void aLiaisonSeesTheirOwnInteractionsOfTheLast90Days() {
        long own = GraphFixtures.count(driver, """
                MATCH (:User {username: 'liaison2'})-[:LOGGED]->(i:Interaction) WHERE i.date >= $since RETURN count(i)
                """, Map.of("since", LocalDate.now().minusDays(90)));
        ui.signIn("liaison2", "LIAISON");
        UI.getCurrent().navigate("interactions");

        var shown = _findAll(grid());
        assertThat(shown).hasSize((int) own).extracting(Interaction::username).containsOnly("liaison2");
        assertThat(summary()).isEqualTo(own + " interactions");
        assertThat(_find(Select.class, spec -> spec.withLabel("Liaison"))).as("no choice of liaison").isEmpty();
        assertThat(editButton(0).isVisible()).as("a liaison changes their own").isTrue();
    }

    @Test
    void aManagerFiltersTheTeamsInteractionsButChangesNone() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("interactions");
        assertThat(_findAll(grid())).extracting(Interaction::username).contains("liaison1", "liaison2", "liaison3",
                "liaison4");

        _setValue(select("Liaison"), "liaison3");
        _setValue(select("Type"), InteractionType.PHONE_CALL);
        var calls = _findAll(grid());
        assertThat(calls).isNotEmpty().allSatisfy(i -> {
            assertThat(i.username()).isEqualTo("liaison3");
            assertThat(i.type()).isEqualTo(InteractionType.PHONE_CALL);
        });
        assertThat(_find((Div) cell(grid(), 0, ""), Button.class, spec -> spec.withClasses("interaction-edit")))
                .as("only the author changes one").isEmpty();
    }

    @Test
    void aLiaisonLogsAnInteractionWithAPhysicianFoundByName() {
        ui.signIn("liaison2", "LIAISON");
        UI.getCurrent().navigate("interactions");
        int before = _findAll(grid()).size();

        @SuppressWarnings("unchecked")
        ComboBox<Object> search = _get(ComboBox.class, spec -> spec.withClasses("interactions-target"));
        setUserInput(search, "Castellanos");
        var found = getSuggestionItems(search);
        assertThat(found).isNotEmpty();
        _setValue(search, found.get(0));

        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).startsWith("Log interaction with Victor Castellanos");
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("Notes")), "Dropped off the cardiology referral guide");
        _click(_get(dialog, Button.class, spec -> spec.withClasses("interaction-save")));

        var shown = _findAll(grid());
        assertThat(shown).hasSize(before + 1);
        assertThat(shown).filteredOn(i -> "Dropped off the cardiology referral guide".equals(i.notes())).singleElement()
                .satisfies(i -> {
                    assertThat(i.targetName()).startsWith("Victor Castellanos");
                    assertThat(i.date()).isEqualTo(LocalDate.now());
                    assertThat(i.type()).as("the form presets a visit").isEqualTo(InteractionType.IN_PERSON_VISIT);
                    assertThat(i.reached()).isEqualTo(Reached.PHYSICIAN);
                });
        assertThat(summary()).isEqualTo((before + 1) + " interactions");
    }

    @Test
    void anInteractionInTheFutureIsRefusedAndNothingSaved() {
        ui.signIn("liaison2", "LIAISON");
        UI.getCurrent().navigate("interactions");
        int before = _findAll(grid()).size();
        _click(editButton(0));

        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).startsWith("Change interaction with ");
        _setValue(_get(dialog, DatePicker.class, spec -> spec.withLabel("Date")), LocalDate.now().plusDays(3));
        _click(_get(dialog, Button.class, spec -> spec.withClasses("interaction-save")));

        assertThat(_get(dialog, Span.class, spec -> spec.withClasses("interaction-error")).getText()).isNotBlank();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(_findAll(grid())).hasSize(before).noneSatisfy(i -> assertThat(i.date()).isAfter(LocalDate.now()));
    }

    @Test
    void aFollowUpTaskIsMadeFromAnInteraction() {
        ui.signIn("liaison2", "LIAISON");
        UI.getCurrent().navigate("interactions");
        var interaction = _findAll(grid()).get(0);
        _click(action(0, "interaction-task"));

        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("New task \u00b7 " + interaction.targetName());
        String title = _get(dialog, TextField.class, spec -> spec.withId("task-title")).getValue();
        assertThat(title).startsWith("Follow up: ");
        if (interaction.outcome() != null && !interaction.outcome().isBlank()) {
            assertThat(title).contains(interaction.outcome().strip());
        }
        LocalDate due = _get(dialog, DatePicker.class, spec -> spec.withId("task-due")).getValue();
        assertThat(due).isEqualTo(interaction.followUpDate() != null && !interaction.followUpDate().isBefore(LocalDate.now())
                ? interaction.followUpDate() : LocalDate.now().plusDays(7));
        _click(_get(dialog, Button.class, spec -> spec.withId("task-save")));

        var liaison = CurrentUser.of("liaison2", Role.LIAISON);
        assertThat(tasks.find(new Tasks.Filter(null, null, interaction.targetId(), false), liaison, 50))
                .filteredOn(t -> t.title().equals(title)).singleElement().satisfies(t -> {
                    assertThat(t.owner()).isEqualTo("liaison2");
                    assertThat(t.due()).isEqualTo(due);
                    assertThat(t.status()).isEqualTo(TaskStatus.OPEN);
                });
    }

    @Test
    void analystsSeeNoInteractions() {
        ui.signIn("analyst", "ANALYST");
        KaribuUi.assertDenied("interactions");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Interaction> grid() {
        return _get(Grid.class, spec -> spec.withClasses("interactions-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Object> select(String label) {
        return _get(Select.class, spec -> spec.withLabel(label));
    }

    private static Button editButton(int row) {
        return action(row, "interaction-edit");
    }

    private static Button action(int row, String className) {
        return _get((Div) cell(grid(), row, ""), Button.class, spec -> spec.withClasses(className));
    }

    private static String summary() {
        return _get(Span.class, spec -> spec.withClasses("report-summary")).getText();
    }
}
