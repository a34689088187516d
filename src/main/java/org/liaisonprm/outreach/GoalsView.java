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
    private final Scorecard scorecard;
    private final Grid<Goal.Progress> grid = new Grid<>();
    private final Grid<Scorecard.Line> scores = new Grid<>();
    private final TextField name = new TextField("Name");
    private final Select<GoalMetric> metric = new Select<>();
    private final Select<String> line = new Select<>();
    private final NumberField target = new NumberField("Target");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("Until (inclusive)");
    private final Select<String> scope = new Select<>();
    private final H3 formHeading = new H3("New goal");
    private final Button save = new Button("Add goal", VaadinIcon.PLUS.create());
    private final Button cancel = new Button("Cancel");
    private final Span error = new Span();
    private String editing;

    GoalsView(Goals goals, Territories territories, UserAccounts users, Scorecard scorecard) {
        this.goals = goals;
        this.territories = territories;
        this.scorecard = scorecard;
        addClassName("goals-view");
        setWidthFull();

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(p -> p.goal().name()).setHeader("Goal").setFlexGrow(1);
        grid.addColumn(p -> scope(p.goal())).setHeader("For").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.goal().metric().label() + (p.goal().serviceLine() == null ? "" : " · " + p.goal().serviceLine()))
                .setHeader("Measures").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> period(p.goal())).setHeader("Period").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(GoalsView::progress).setHeader("Progress").setWidth("18rem").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        var goalCard = grid.addComponentColumn(p -> {
            var what = new Span(scope(p.goal()) + " · " + p.goal().metric().label()
                    + (p.goal().serviceLine() == null ? "" : " · " + p.goal().serviceLine()) + " · " + period(p.goal()));
            what.addClassName("target-detail");
            var name = new Span(p.goal().name());
            name.addClassName("goal-card-name");
            var card = new Div(name, what, progress(p), actions(p));
            card.addClassName("goal-card");
            return card;
        }).setHeader("Goals").setFlexGrow(1);
        goalCard.setVisible(false);
        grid.addClassName("goals-grid");

        scores.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        scores.setAllRowsVisible(true);
        scores.addClassName("scorecard-grid");
        scores.addColumn(Scorecard.Line::name).setHeader("Liaison").setFlexGrow(1);
        scores.addComponentColumn(GoalsView::activity).setHeader("Interactions this quarter").setWidth("18rem")
                .setFlexGrow(0);
        scores.addColumn(l -> "%,d".formatted(l.physiciansReached())).setHeader("Physicians reached")
                .setAutoWidth(true).setFlexGrow(0);
        scores.addColumn(l -> l.lastVisit() == null ? "None yet" : DAY.format(l.lastVisit())).setHeader("Last visit")
                .setAutoWidth(true).setFlexGrow(0);
        scores.addComponentColumn(l -> overdue(l.overdueFollowUps())).setHeader("Overdue follow-ups")
                .setAutoWidth(true).setFlexGrow(0);
        scores.addComponentColumn(l -> overdue(l.overdueTasks())).setHeader("Overdue tasks")
                .setAutoWidth(true).setFlexGrow(0);
        var scoreCard = scores.addComponentColumn(l -> {
            var name = new Span(l.name());
            name.addClassName("goal-card-name");
            var figures = new Span("%,d physicians reached · last visit %s · overdue: %s follow-ups, %s tasks".formatted(
                    l.physiciansReached(), l.lastVisit() == null ? "none yet" : DAY.format(l.lastVisit()),
                    l.overdueFollowUps() == 0 ? "no" : "%,d".formatted(l.overdueFollowUps()),
                    l.overdueTasks() == 0 ? "no" : "%,d".formatted(l.overdueTasks())));
            figures.addClassName("target-detail");
            var card = new Div(name, activity(l), figures);
            card.addClassName("goal-card");
            return card;
        }).setHeader("Liaisons").setFlexGrow(1);
        scoreCard.setVisible(false);
        org.liaisonprm.base.NarrowScreen.follow(this, narrow -> {
            grid.getColumns().forEach(column -> column.setVisible(narrow == (column == goalCard)));
            scores.getColumns().forEach(column -> column.setVisible(narrow == (column == scoreCard)));
        });

        metric.setLabel("Measures");
        metric.setItems(GoalMetric.values());
        metric.setItemLabelGenerator(GoalMetric::label);
        line.setLabel("Service line");
        line.setEmptySelectionAllowed(true);
        line.setEmptySelectionCaption("All");
        line.setItems(java.util.Arrays.stream(ServiceLine.values()).map(ServiceLine::label).toList());
        target.setHelperText("Referrals, interactions or physicians; for the leakage rate a percentage not to exceed");
        scope.setLabel("For");
        var choices = new ArrayList<String>();
        var names = new java.util.HashMap<String, String>();
        choices.add("TEAM");
        names.put("TEAM", "The team");
        territories.visibleTo(CurrentUser.current()).forEach(t -> {
            choices.add("TERRITORY:" + t.id());
            names.put("TERRITORY:" + t.id(), "Territory " + t.name());
        });
        users.all().stream().filter(u -> u.has(Role.LIAISON)).forEach(u -> {
            choices.add("USER:" + u.username());
            names.put("USER:" + u.username(), "Liaison " + u.displayName());
        });
        scope.setItems(choices);
        scope.setItemLabelGenerator(c -> names.getOrDefault(c, c));
        error.addClassName("territory-error");
        save.addClickListener(click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("goal-save");
        cancel.addClickListener(click -> clearForm());
        cancel.addClassName("goal-cancel");
        var form = new FormLayout(name, scope, metric, line, target, from, to);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        var scorecardHeading = new H3("Team scorecard");
        var scorecardNote = new Span("This quarter, per liaison: interactions against their own goal and today's pace, "
                + "physicians reached in person, the last face-to-face visit and what is overdue.");
        scorecardNote.addClassName("goal-words");
        add(grid, scorecardHeading, scorecardNote, scores, formHeading, form, error, new HorizontalLayout(save, cancel));
        clearForm();
        refresh();
    }

    private Div actions(Goal.Progress p) {
        var edit = new Button(VaadinIcon.EDIT.create(), click -> edit(p.goal()));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.addClassName("goal-edit");
        edit.setAriaLabel("Change " + p.goal().name());
        var remove = new Button(VaadinIcon.TRASH.create(), click -> {
            goals.delete(p.goal().id(), CurrentUser.current());
            if (p.goal().id().equals(editing)) {
                clearForm();
            }
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + p.goal().name());
        var actions = new Div(edit, remove);
        actions.addClassName("goal-actions");
        return actions;
    }

    private void edit(Goal goal) {
        editing = goal.id();
        formHeading.setText("Change “" + goal.name() + "”");
        name.setValue(goal.name());
        metric.setValue(goal.metric());
        line.setValue(goal.serviceLine());
        target.setValue(goal.metric() == GoalMetric.LEAKAGE_RATE ? Math.round(goal.target() * 1000) / 10.0 : goal.target());
        from.setValue(goal.periodStart());
        to.setValue(goal.periodEnd().minusDays(1));
        String chosen = goal.scope().equals("TEAM") ? "TEAM" : goal.scope() + ":" + goal.scopeId();
        scope.setValue(scope.getListDataView().contains(chosen) ? chosen : "TEAM");
        save.setText("Save changes");
        save.setIcon(VaadinIcon.CHECK.create());
        cancel.setVisible(true);
        error.setText("");
        name.focus();
    }

    private void clearForm() {
        editing = null;
        formHeading.setText("New goal");
        name.clear();
        metric.setValue(GoalMetric.KEPT_REFERRALS);
        line.clear();
        target.clear();
        LocalDate[] quarter = Scorecard.quarterOf(LocalDate.now());
        from.setValue(quarter[0]);
        to.setValue(quarter[1].minusDays(1));
        scope.setValue("TEAM");
        save.setText("Add goal");
        save.setIcon(VaadinIcon.PLUS.create());
        cancel.setVisible(false);
        error.setText("");
    }

    private void save() {
        try {
            double value = target.getValue() == null ? -1 : target.getValue();
            if (metric.getValue() == GoalMetric.LEAKAGE_RATE) {
                value = value / 100;
            }
            String chosen = scope.getValue() == null ? "TEAM" : scope.getValue();
            String kind = chosen.contains(":") ? chosen.substring(0, chosen.indexOf(':')) : "TEAM";
            String id = chosen.contains(":") ? chosen.substring(chosen.indexOf(':') + 1) : null;
            LocalDate end = to.getValue() == null ? null : to.getValue().plusDays(1);
            if (editing == null) {
                goals.create(name.getValue(), metric.getValue(), line.getValue(), value, from.getValue(), end, kind, id,
                        CurrentUser.current());
            } else {
                goals.update(editing, name.getValue(), metric.getValue(), line.getValue(), value, from.getValue(), end,
                        kind, id, CurrentUser.current());
            }
            clearForm();
            refresh();
        } catch (OutreachException e) {
            error.setText(e.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(goals.progressFor(CurrentUser.current(), territories));
        scores.setItems(scorecard.lines(CurrentUser.current()));
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    static String period(Goal goal) {
        return DAY.format(goal.periodStart()) + " – " + DAY.format(goal.periodEnd().minusDays(1));
    }

    /** A liaison's interactions this quarter: against their own goal's pace when they have one. */
    private static Component activity(Scorecard.Line line) {
        if (line.goal().isPresent()) {
            return progress(line.goal().get());
        }
        var words = new Span("%,d · no goal set".formatted(line.interactions()));
        words.addClassName("goal-words");
        return words;
    }

    private static Component overdue(long count) {
        var span = new Span(count == 0 ? "None" : "%,d".formatted(count));
        if (count > 0) {
            span.addClassName("scorecard-overdue");
        }
        return span;
    }

    static String scope(Goal goal) {
        return switch (goal.scope()) {
            case "TEAM" -> "The team";
            case "TERRITORY" -> goal.scopeName() == null ? "(removed territory)" : goal.scopeName();
            default -> goal.scopeName() == null ? goal.scopeId() : goal.scopeName();
        };
    }

    /**
     * The goal's state in colour and words, a bar filled to its value with a mark at today's pace (for a
     * leakage rate: at its ceiling), and the figures in words.
     */
    static Component progress(Goal.Progress p) {
        GoalState state = p.state();
        var fill = new Div();
        fill.addClassName("goal-bar-fill");
        fill.getStyle().set("width", percent(p.fraction()));
        var mark = new Div();
        mark.addClassName("goal-bar-mark");
        mark.getStyle().set("left", percent(p.mark()));
        var bar = new Div(fill, mark);
        bar.addClassName("goal-bar");
        bar.getElement().setAttribute("role", "img");
        bar.getElement().setAttribute("aria-label", state.label() + ": " + describe(p));
        var badge = new Span(state.label());
        badge.addClassName("goal-state");
        badge.getElement().setAttribute("title", state.description());
        var words = new Span(describe(p));
        words.addClassName("goal-words");
        var cell = new Div(new Div(badge, words), bar);
        cell.addClassNames("goal-progress", state.cssClass());
        cell.getElement().setAttribute("data-state", state.name());
        return cell;
    }

    private static String percent(double fraction) {
        return String.format(Locale.US, "%.1f%%", 100 * Math.max(0, Math.min(1, fraction)));
    }

    /**
     * The value against the target in words: "12 of 40 · 18 expected by today" while a count's period runs,
     * "42 of 40" once it is met or over, "71.6 % · at most 64.0 %" for a leakage rate.
     */
    static String describe(Goal.Progress p) {
        Goal goal = p.goal();
        if (!goal.metric().higherIsBetter()) {
            return value(goal, p.value()) + " · at most " + value(goal, goal.target());
        }
        String words = value(goal, p.value()) + " of " + value(goal, goal.target());
        GoalState state = p.state();
        return state == GoalState.ON_TRACK || state == GoalState.BEHIND
                ? words + " · " + value(goal, Math.ceil(p.expected())) + " expected by today" : words;
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
