package org.liaisonprm.outreach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.report.ReportChart;
import org.liaisonprm.report.ReportDefinition;
import org.liaisonprm.security.UserAccounts;

/**
 * Home: a liaison's week (figures, targets, plan, goals, follow-ups due) or, for managers and
 * administrators, the team's roll-up (activity by week, type and reach, goal progress per liaison and
 * territory, kept share by service line). Analysts and viewers go on to the network explorer.
 */
@Route("")
@PageTitle("Home · Liaison")
@Menu(order = -1, icon = "vaadin:home", title = "Home")
@PermitAll
class HomeView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);

    private final Territories territories;
    private final OutreachFigures outreachFigures;
    private final VisitPlans plans;
    private final Goals goals;
    private final Interactions interactions;
    private final Activity activity;
    private final UserAccounts users;
    private final Alerts alerts;
    private final Tasks tasks;

    HomeView(Territories territories, OutreachFigures outreachFigures, VisitPlans plans, Goals goals,
             Interactions interactions, Activity activity, UserAccounts users, Alerts alerts, Tasks tasks) {
        this.territories = territories;
        this.outreachFigures = outreachFigures;
        this.plans = plans;
        this.goals = goals;
        this.interactions = interactions;
        this.activity = activity;
        this.users = users;
        this.alerts = alerts;
        this.tasks = tasks;
        addClassName("home-view");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = CurrentUser.current();
        if (!user.doesOutreach()) {
            event.forwardTo("network");
            return;
        }
        removeAll();
        if (user.seesTeam()) {
            team(user);
        } else {
            mine(user);
        }
    }

    private void mine(CurrentUser user) {
        LocalDate today = LocalDate.now();
        String name = users.find(user.username()).map(UserAccounts.UserAccount::displayName).orElse(user.username());
        add(new H2("My week"), new Paragraph(name + " · " + today.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US))));
        var covered = territories.coveredBy(user.username());
        var plan = plans.planFor(user, today);
        var due = interactions.followUpsDue(user, today.plusDays(7));
        var week = activity.counts(user.username(), today.with(DayOfWeek.MONDAY));
        var month = activity.counts(user.username(), today.withDayOfMonth(1));
        var figures = new Div(figure("home-week-interactions", String.valueOf(week.interactions()), "interactions this week"),
                figure("home-month-interactions", String.valueOf(month.interactions()), "interactions this month"),
                figure("home-month-reached", String.valueOf(month.reachedPhysician()), "physicians reached this month"),
                figure("home-plan", plan.done() + " / " + plan.stops().size(), "visits done this week"),
                figure("home-due", String.valueOf(due.size()), "follow-ups due within 7 days"));
        figures.addClassName("profile-figures");
        add(figures);
        if (covered.isEmpty()) {
            add(new Paragraph("You cover no territory yet: an administrator or manager assigns territories."));
        }

        var sections = new Div();
        sections.addClassName("home-sections");
        sections.add(myAlerts(user), myTasks(user));
        // my targets: the best of each territory I cover
        var top = outreachFigures.topTargets(covered, user);
        var targetList = section("My top targets", "home-targets");
        if (top.isEmpty()) {
            targetList.add(new Paragraph("No targets yet."));
        }
        for (Target t : top) {
            targetList.add(line(link("physicians/" + t.physicianId(), t.name()),
                    new Span(String.format(Locale.US, "%.0f", t.score()) + " · " + t.segment().name().toLowerCase(Locale.ROOT))));
        }
        targetList.add(link("targets", "All targets →"));
        sections.add(targetList);

        var planList = section("My plan this week", "home-plan-list");
        if (plan.stops().isEmpty()) {
            planList.add(new Paragraph("Nothing planned yet: add targets to this week's plan."));
        }
        for (var stop : plan.stops().stream().limit(8).toList()) {
            planList.add(line(new Span(stop.order() + ". " + stop.name()), new Span((stop.done() ? "done · " : "") + WHEN.format(stop.plannedAt()))));
        }
        planList.add(link("plan", "Open the plan and route →"));
        sections.add(planList);

        var goalList = section("My goals", "home-goals");
        var mine = GoalsView.sorted(goals.progressFor(user, territories));
        if (mine.isEmpty()) {
            goalList.add(new Paragraph("No goals set."));
        }
        for (var p : mine) {
            var label = new Span(p.goal().name() + " · " + GoalsView.scope(p.goal()));
            label.addClassName("goal-label");
            goalList.add(label, GoalsView.progress(p));
        }
        sections.add(goalList);

        var dueList = section("Follow-ups due", "home-follow-ups");
        if (due.isEmpty()) {
            dueList.add(new Paragraph("None due."));
        }
        for (var i : due.stream().limit(10).toList()) {
            var log = new Button("Log", click -> new InteractionDialog(interactions, i.targetId(), i.targetName(), null,
                    saved -> getUI().ifPresent(ui -> ui.getPage().reload())).open());
            log.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var when = new Span((i.followUpDate().isBefore(today) ? "overdue since " : "due ") + i.followUpDate());
            dueList.add(line(link((i.targetKind().equals("Practice") ? "practices/" : "physicians/") + i.targetId(), i.targetName()),
                    new Div(when, log)));
        }
        sections.add(dueList);
        add(sections);
    }

    private void team(CurrentUser user) {
        LocalDate today = LocalDate.now();
        add(new H2("Team"));
        var month = activity.counts(null, today.withDayOfMonth(1));
        var quarter = activity.counts(null, today.minusDays(90));
        var figures = new Div(figure("home-team-month", String.valueOf(month.interactions()), "interactions this month"),
                figure("home-team-reached", String.valueOf(month.reachedPhysician()), "physician conversations this month"),
                figure("home-team-physicians", String.valueOf(quarter.physicians()), "physicians and practices contacted in 90 days"),
                figure("home-team-territories", String.valueOf(territories.visibleTo(user).size()), "territories"));
        figures.addClassName("profile-figures");
        add(figures);

        add(chart("Activity by week and type (last 12 weeks)", activity.byWeekAndType(today.minusWeeks(12).with(DayOfWeek.MONDAY)),
                ReportDefinition.View.BAR, "home-activity-chart"));
        add(chart("Interactions per liaison by whom they reached (last 90 days)", activity.byUserAndReach(today.minusDays(90)),
                ReportDefinition.View.BAR, "home-reach-chart"));

        var goalList = section("Goal progress by liaison and territory", "home-team-goals");
        var all = GoalsView.sorted(goals.progressFor(user, territories));
        if (all.isEmpty()) {
            goalList.add(new Paragraph("No goals set: add them on Goals."));
        }
        for (var p : all) {
            var label = new Span(GoalsView.scope(p.goal()) + " · " + p.goal().name());
            label.addClassName("goal-label");
            goalList.add(label, GoalsView.progress(p));
        }
        goalList.add(link("goals", "Set goals →"));
        add(goalList);
        add(teamFollowUps(user));
        add(chart("Kept share by service line (%, territories' physicians, last 12 months)",
                activity.keptShareTrend(null, 12), ReportDefinition.View.LINE, "home-kept-chart"));
        add(roi(user));
    }

    private Component myAlerts(CurrentUser user) {
        var open = alerts.find(Alerts.Filter.OPEN, user, 200);
        var section = section("My alerts (" + open.size() + " open)", "home-alerts");
        if (open.isEmpty()) {
            section.add(new Paragraph("No open alerts."));
        }
        for (Alert a : open.stream().limit(6).toList()) {
            var kind = new Span(a.kind().label());
            kind.addClassName("alert-kind");
            section.add(line(link("alerts", a.title()), kind));
        }
        section.add(link("alerts", "All alerts →"));
        return section;
    }

    private Component myTasks(CurrentUser user) {
        var open = tasks.find(Tasks.Filter.ALL, user, 200).stream().filter(t -> t.status() != TaskStatus.DONE).toList();
        var section = section("My tasks (" + open.size() + " open)", "home-tasks");
        if (open.isEmpty()) {
            section.add(new Paragraph("No open tasks."));
        }
        for (Task t : open.stream().limit(6).toList()) {
            var when = new Span(t.due() == null ? t.status().label() : (t.overdue() ? "overdue since " : "due ") + t.due());
            if (t.overdue()) {
                when.addClassName("task-overdue");
            }
            section.add(line(link("tasks", t.title() + " · " + (t.targetName() == null ? t.physicianId() : t.targetName())), when));
        }
        section.add(link("tasks", "All tasks →"));
        return section;
    }

    /** Per liaison: open alerts of their territories, open and overdue tasks, tasks done in the last week. */
    private Component teamFollowUps(CurrentUser user) {
        var section = section("Alerts and tasks by liaison", "home-team-follow-ups");
        var open = alerts.find(Alerts.Filter.OPEN, user, 10_000);
        var alertCounts = new java.util.HashMap<String, Integer>();
        for (Alert a : open) {
            for (String r : a.recipients()) {
                alertCounts.merge(r, 1, Integer::sum);
            }
        }
        var counts = tasks.counts(user);
        if (counts.isEmpty()) {
            section.add(new Paragraph("No liaison covers a territory yet."));
        }
        for (var c : counts) {
            var figures = new Span(alertCounts.getOrDefault(c.username(), 0) + " open alerts · " + (c.open() + c.waiting())
                    + " open tasks · " + c.overdue() + " overdue · " + c.doneThisWeek() + " done in 7 days");
            if (c.overdue() > 0) {
                figures.addClassName("task-overdue");
            }
            var row = line(new Span(c.name()), figures);
            row.getElement().setAttribute("data-username", c.username());
            section.add(row);
        }
        section.add(new Div(link("alerts", "All alerts →"), new Span(" "), link("tasks", "All tasks →")));
        return section;
    }

    /** The outreach-roi report summed up: contacted physicians, their kept referrals against peers, revenue. */
    private Component roi(CurrentUser user) {
        var section = section("Did outreach move referrals?", "home-roi");
        var roi = outreachFigures.roi(user);
        var format = java.text.NumberFormat.getCurrencyInstance(Locale.US);
        format.setMaximumFractionDigits(0);
        section.add(new Paragraph(roi.physicians() == 0
                ? "No physician's " + roi.window() + "-day window after a first contact has ended inside the referral data yet."
                : String.format(Locale.US, "%,d contacted physicians: %+,.0f kept referrals against similar uncontacted "
                        + "physicians over the same %d days, about %s at the configured revenue per case.",
                roi.physicians(), roi.keptEffect(), roi.window(), format.format(roi.revenueEffect()))));
        section.add(link("reports/outreach-roi?window=" + roi.window(), "Physician by physician, with the assumptions →"));
        return section;
    }

    private static Component chart(String heading, org.liaisonprm.report.ReportResult rows, ReportDefinition.View view,
                                   String className) {
        var section = new Div();
        section.addClassNames("profile-chart", className);
        section.add(new H3(heading));
        if (rows.rows().isEmpty()) {
            section.add(new Paragraph("Nothing yet."));
            return section;
        }
        var chart = new ReportChart();
        chart.setWidthFull();
        chart.setHeight("300px");
        chart.show(rows, view);
        section.add(chart);
        return section;
    }

    private static Div figure(String className, String value, String label) {
        var v = new Span(value);
        v.addClassName("profile-figure-value");
        var l = new Span(label);
        l.addClassName("profile-figure-label");
        var figure = new Div(v, l);
        figure.addClassNames("profile-figure", className);
        return figure;
    }

    private static Div section(String heading, String className) {
        var section = new Div(new H3(heading));
        section.addClassNames("home-section", className);
        return section;
    }

    private static Div line(Component left, Component right) {
        var line = new Div(left, right);
        line.addClassName("details-line");
        return line;
    }

    private static Anchor link(String href, String text) {
        var link = new Anchor(href, text == null ? href : text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    static List<String> nonBlank(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }
}
