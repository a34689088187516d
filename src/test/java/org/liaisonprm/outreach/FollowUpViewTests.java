package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.KaribuUi;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alerts and Tasks on the demo region: a liaison's alert cards, dismissing one with a reason (and not without),
 * making a task of one and closing it, and the team's counts for a manager. The planted alerts other tests
 * read (the collapsed referrer, the network at risk) are left open.
 */
@DemoGraphTest
class FollowUpViewTests {

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    Alerts alerts;

    @Autowired
    Tasks tasks;

    @Test
    void aLiaisonSeesACardForEachOfTheirOpenAlerts() {
        var own = alerts.find(Alerts.Filter.OPEN, CurrentUser.of("liaison4", Role.LIAISON), 500);
        ui.signIn("liaison4", "LIAISON");
        UI.getCurrent().navigate("alerts");
        var cards = cards();
        assertThat(cards).hasSize(own.size()).isNotEmpty();
        assertThat(cards.get(0).getElement().getAttribute("data-alert-id")).isEqualTo(own.get(0).id());
        assertThat(_get(Span.class, spec -> spec.withClasses("report-summary")).getText()).isEqualTo(own.size() + " alerts");
    }

    @Test
    void anAlertIsDismissedOnlyWithAReason() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("alerts");
        var alert = quiet(CurrentUser.of("manager", Role.MANAGER)).get(0);
        var card = card(alert.id());
        _click(_get(card, Button.class, spec -> spec.withClasses("alert-dismiss")));
        var dialog = _get(Dialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withId("alert-dismiss-confirm")));
        assertThat(dialog.isOpened()).as("no reason, not dismissed").isTrue();
        assertThat(alerts.find(alert.id(), CurrentUser.of("manager", Role.MANAGER)).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);

        _setValue(_get(dialog, TextArea.class, spec -> spec.withId("alert-dismiss-reason")), "Retiring at the end of the year");
        _click(_get(dialog, Button.class, spec -> spec.withId("alert-dismiss-confirm")));
        assertThat(cards()).noneMatch(c -> alert.id().equals(c.getElement().getAttribute("data-alert-id")));
        var dismissed = alerts.find(alert.id(), CurrentUser.of("manager", Role.MANAGER)).orElseThrow();
        assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(dismissed.dismissReason()).isEqualTo("Retiring at the end of the year");
    }

    @Test
    void anAlertBecomesATaskWhichIsClosedOnTasksAndCountedForTheTeam() {
        var manager = CurrentUser.of("manager", Role.MANAGER);
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("alerts");
        var alert = quiet(manager).get(0);
        _click(_get(card(alert.id()), Button.class, spec -> spec.withClasses("alert-make-task")));
        var made = alerts.find(alert.id(), manager).orElseThrow();
        assertThat(made.status()).isEqualTo(AlertStatus.TASK);

        UI.getCurrent().navigate("tasks");
        @SuppressWarnings("unchecked")
        Grid<Task> grid = _get(Grid.class, spec -> spec.withClasses("tasks-grid"));
        var rows = _findAll(grid);
        int index = rows.stream().map(Task::id).toList().indexOf(made.taskId());
        assertThat(index).as("the new task is listed").isNotNegative();
        var row = rows.get(index);
        assertThat(row.title()).isEqualTo(alert.title());
        assertThat(_find(Grid.class, spec -> spec.withClasses("tasks-team"))).hasSize(1);

        var actions = (Div) KaribuUi.cell(grid, index, grid.getColumns().size() - 1);
        _click(_get(actions, Button.class, spec -> spec.withClasses("task-done")));
        assertThat(tasks.find(row.id(), manager).orElseThrow().status()).isEqualTo(TaskStatus.DONE);
        assertThat(_findAll(grid)).as("done tasks leave the default list").noneMatch(t -> t.id().equals(row.id()));
        assertThat(tasks.counts(manager)).extracting(Tasks.Counts::username).contains("liaison1", "liaison4");
    }

    @Test
    void analystsAndViewersHaveNeitherAlertsNorTasks() {
        ui.signIn("viewer", "VIEWER");
        KaribuUi.assertDenied("alerts");
        KaribuUi.assertDenied("tasks");
        ui.signIn("analyst", "ANALYST");
        KaribuUi.assertDenied("tasks");
    }

    /** Open alerts no other test reads: targets not contacted and overdue follow-ups. */
    private List<Alert> quiet(CurrentUser user) {
        var found = alerts.find(Alerts.Filter.OPEN, user, 500).stream()
                .filter(a -> a.kind() == AlertKind.TARGET_NOT_CONTACTED || a.kind() == AlertKind.OVERDUE_FOLLOW_UP).toList();
        assertThat(found).as("the demo region raises targets not contacted").isNotEmpty();
        return found;
    }

    private static List<Div> cards() {
        return _find(Div.class, spec -> spec.withClasses("alert-card"));
    }

    private static Div card(String id) {
        return cards().stream().filter(c -> id.equals(c.getElement().getAttribute("data-alert-id"))).findFirst().orElseThrow();
    }
}
