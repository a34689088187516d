package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.physician.ServiceLine;
import org.liaisonprm.security.UserAccounts;

/**
 * Goals for the team, a territory or a liaison, with progress measured on the graph; managers and
 * administrators set and remove them.
 */
@Route("goals")
@PageTitle("Goals · Liaison")
@Menu(order = 0.6, icon = "vaadin:flag-checkered", title = "Goals")
@RolesAllowed({"ADMIN", "MANAGER"})
class GoalsView extends VerticalLayout {

    private final Goals goals;
    private final Territories territories;
    private final Grid<Goal.Progress> grid = new Grid<>();

    GoalsView(Goals goals, Territories territories, UserAccounts users) {
        this.goals = goals;
        this.territories = territories;
        addClassName("goals-view");
        setWidthFull();

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(p -> p.goal().name()).setHeader("Goal").setFlexGrow(1);
        grid.addColumn(p -> scope(p.goal())).setHeader("For").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.goal().metric().label() + (p.goal().serviceLine() == null ? "" : " · " + p.goal().serviceLine()))
                .setHeader("Measures").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.goal().periodStart() + " – " + p.goal().periodEnd().minusDays(1)).setHeader("Period")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(GoalsView::progress).setHeader("Progress").setWidth("16rem").setFlexGrow(0);
        grid.addComponentColumn(p -> {
            var remove = new Button(VaadinIcon.TRASH.create(), click -> {
                goals.delete(p.goal().id(), CurrentUser.current());
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove " + p.goal().name());
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addClassName("goals-grid");

        var name = new TextField("Name");
        var metric = new Select<GoalMetric>();
        metric.setLabel("Measures");
        metric.setItems(GoalMetric.values());
        metric.setItemLabelGenerator(GoalMetric::label);
        metric.setValue(GoalMetric.KEPT_REFERRALS);
        var line = new Select<String>();
        line.setLabel("Service line");
        line.setEmptySelectionAllowed(true);
        line.setEmptySelectionCaption("All");
        line.setItems(java.util.Arrays.stream(ServiceLine.values()).map(ServiceLine::label).toList());
        var target = new NumberField("Target");
        target.setHelperText("Referrals, interactions or physicians; for the leakage rate a percentage not to exceed");
        var from = new DatePicker("From");
        var to = new DatePicker("Until (inclusive)");
        LocalDate quarter = LocalDate.now().withDayOfMonth(1).withMonth(((LocalDate.now().getMonthValue() - 1) / 3) * 3 + 1);
        from.setValue(quarter);
        to.setValue(quarter.plusMonths(3).minusDays(1));
        var scope = new Select<String>();
        scope.setLabel("For");
        var choices = new ArrayList<String>();
        choices.add("TEAM");
        territories.visibleTo(CurrentUser.current()).forEach(t -> choices.add("TERRITORY:" + t.id()));
        users.all().stream().filter(u -> u.has(Role.LIAISON)).forEach(u -> choices.add("USER:" + u.username()));
        scope.setItems(choices);
        scope.setValue("TEAM");
        scope.setItemLabelGenerator(c -> c.equals("TEAM") ? "The team" : c.startsWith("TERRITORY:")
                ? "Territory " + c.substring(10) : "Liaison " + c.substring(5));
        var error = new Span();
        error.addClassName("territory-error");
        var add = new Button("Add goal", VaadinIcon.PLUS.create(), click -> {
            try {
                double value = target.getValue() == null ? -1 : target.getValue();
                if (metric.getValue() == GoalMetric.LEAKAGE_RATE) {
                    value = value / 100;
                }
                String kind = scope.getValue().contains(":") ? scope.getValue().substring(0, scope.getValue().indexOf(':')) : "TEAM";
                String id = scope.getValue().contains(":") ? scope.getValue().substring(scope.getValue().indexOf(':') + 1) : null;
                goals.create(name.getValue(), metric.getValue(), line.getValue(), value, from.getValue(),
                        to.getValue() == null ? null : to.getValue().plusDays(1), kind, id, CurrentUser.current());
                error.setText("");
                name.clear();
                refresh();
            } catch (OutreachException e) {
                error.setText(e.getMessage());
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(name, scope, metric, line, target, from, to);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(grid, new H3("New goal"), form, error, new HorizontalLayout(add));
        refresh();
    }

    private void refresh() {
        grid.setItems(goals.progressFor(CurrentUser.current(), territories));
    }

    static String scope(Goal goal) {
        return switch (goal.scope()) {
            case "TEAM" -> "The team";
            case "TERRITORY" -> goal.scopeName() == null ? "(removed territory)" : goal.scopeName();
            default -> goal.scopeName() == null ? goal.scopeId() : goal.scopeName();
        };
    }

    /** A progress bar with the value against the target in words. */
    static Component progress(Goal.Progress p) {
        var bar = new ProgressBar(0, 1, p.fraction());
        bar.addClassName(p.met() ? "goal-met" : "goal-open");
        var words = new Span(describe(p));
        words.addClassName("goal-words");
        var cell = new Div(bar, words);
        cell.addClassName("goal-progress");
        return cell;
    }

    /** The value against the target in words, e.g. "1,204 of 1,300" or "71.6 % of at most 64.0 %". */
    static String describe(Goal.Progress p) {
        return value(p.goal(), p.value()) + " of " + (p.goal().metric().higherIsBetter() ? "" : "at most ")
                + value(p.goal(), p.goal().target()) + (p.met() ? " ✓" : "");
    }

    private static String value(Goal goal, double v) {
        return goal.metric() == GoalMetric.LEAKAGE_RATE ? String.format(Locale.US, "%.1f %%", 100 * v)
                : String.format(Locale.US, "%,.0f", v);
    }

    static List<Goal.Progress> sorted(List<Goal.Progress> all) {
        return all.stream().sorted(java.util.Comparator.comparing((Goal.Progress p) -> p.goal().scope())
                .thenComparing(p -> p.goal().name())).toList();
    }
}
