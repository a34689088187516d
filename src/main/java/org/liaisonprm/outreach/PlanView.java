package org.liaisonprm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.security.UserAccounts;

/**
 * A week's visit plan: stops in route order from the start ZIP, laid out over the weekdays, on the map
 * with the route; download as a calendar (.ics) or CSV; mark a stop done, which opens the interaction form.
 * {@code /plan?week=YYYY-MM-DD} (any day of the week); managers look at a liaison's with {@code &user=}.
 */
@Route("plan")
@PageTitle("Visit plan · Liaison")
@Menu(order = 0.3, icon = "vaadin:calendar", title = "Visit plan")
@RolesAllowed({"ADMIN", "MANAGER", "LIAISON"})
class PlanView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);

    private final VisitPlans plans;
    private final Interactions interactions;
    private final Territories territories;
    private final MapData maps;
    private final OutreachProperties properties;
    private final AuditTrail audit;
    private final UserAccounts users;
    private final Tasks tasks;
    private final DatePicker week = new DatePicker("Week of");
    private final Select<String> liaison = new Select<>();
    private final TextField startZip = new TextField("Start ZIP");
    private final Span summary = new Span();
    private final Grid<VisitPlan.Stop> grid = new Grid<>();
    private final OutreachMap map = new OutreachMap();
    private final Anchor ics = new Anchor();
    private final Anchor csv = new Anchor();
    private final Div empty = new Div();
    private final Grid.Column<VisitPlan.Stop> planned;
    private Grid.Column<VisitPlan.Stop> actionsColumn;
    private boolean narrowScreen;
    private VisitPlan plan;

    PlanView(VisitPlans plans, Interactions interactions, Territories territories, MapData maps,
             OutreachProperties properties, AuditTrail audit, UserAccounts users, Tasks tasks) {
        this.tasks = tasks;
        this.plans = plans;
        this.interactions = interactions;
        this.territories = territories;
        this.maps = maps;
        this.properties = properties;
        this.audit = audit;
        this.users = users;
        addClassName("plan-view");
        setWidthFull();

        week.addClassName("plan-week");
        week.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                load();
            }
        });
        liaison.setLabel("Liaison");
        liaison.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                load();
            }
        });
        startZip.setWidth("7rem");
        startZip.setMaxLength(5);
        startZip.setPattern("\\d{5}");
        startZip.addClassName("plan-start");
        var reroute = new Button("Re-route", VaadinIcon.ROAD_BRANCHES.create(), click -> {
            try {
                plan = plans.startAt(plan.id(), startZip.getValue(), CurrentUser.current());
                show();
            } catch (OutreachException e) {
                startZip.setErrorMessage(e.getMessage());
                startZip.setInvalid(true);
            }
        });
        reroute.addClassName("plan-reroute");
        var previous = new Button(VaadinIcon.ANGLE_LEFT.create(), click -> {
            week.setValue(week.getValue().minusWeeks(1));
            load();
        });
        previous.setAriaLabel("Previous week");
        var next = new Button(VaadinIcon.ANGLE_RIGHT.create(), click -> {
            week.setValue(week.getValue().plusWeeks(1));
            load();
        });
        next.setAriaLabel("Next week");
        ics.setText("Calendar (.ics)");
        ics.addClassName("plan-ics");
        csv.setText("CSV");
        csv.addClassName("plan-csv");
        var top = new HorizontalLayout(previous, week, next, liaison, startZip, reroute, ics, csv);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.addClassName("plan-toolbar");
        summary.addClassName("plan-summary");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(VisitPlan.Stop::order).setHeader("#").setWidth("3rem").setFlexGrow(0);
        planned = grid.addColumn(s -> WHEN.format(s.plannedAt())).setHeader("Planned").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::visit).setHeader("Visit").setFlexGrow(1);
        actionsColumn = grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addClassName("plan-grid");

        map.setWidthFull();
        map.setHeight("420px");
        map.addClassName("plan-map");
        map.addPlaceClickListener(click -> getUI().ifPresent(ui -> ui.navigate(click.link())));
        empty.addClassName("plan-empty");
        add(top, summary, empty, grid, new H3("Route"), map);
        // on a phone the planned time moves into the visit's cell
        org.liaisonprm.base.NarrowScreen.follow(this, this::narrow);
    }

    /** A stop's visit: when, where and who; on a phone also its number and its buttons, as one card. */
    private Component visit(VisitPlan.Stop s) {
        var link = new Anchor((s.kind().equals("Practice") ? "practices/" : "physicians/") + s.targetId(), s.name());
        link.getElement().setAttribute("router-link", true);
        var where = new Span(String.join(", ", java.util.Arrays.stream(new String[]{s.specialty(), s.address(), s.city()})
                .filter(v -> v != null && !v.isBlank()).toList())
                + ("ZIP centre".equals(s.located()) ? " (placed at the centre of ZIP " + s.zip() + ")" : ""));
        where.addClassName("target-detail");
        Component when;
        if (mayEdit() && !s.done()) {
            var change = new Button(WHEN.format(s.plannedAt()),
                    VaadinIcon.CLOCK.create(), click -> schedule(s));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            change.setAriaLabel("Change the day and time of the visit to " + s.name());
            change.addClassName("stop-when");
            when = change;
        } else {
            var span = new Span(WHEN.format(s.plannedAt()));
            span.addClassName("stop-when");
            when = span;
        }
        var cell = new Div(when, link, where);
        cell.addClassName("target-name");
        if (narrowScreen) {
            cell.add(actions(s));
        }
        return cell;
    }

    private Component actions(VisitPlan.Stop s) {
        var task = new Button(VaadinIcon.TASKS.create(), click -> TaskDialog.create(tasks, s.targetId(), s.name(),
                saved -> { }).open());
        task.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        task.setAriaLabel("New task about " + s.name());
        task.getElement().setAttribute("title", "New task");
        task.addClassName("stop-task");
        if (s.done()) {
            var done = new Span("Done");
            done.getElement().getThemeList().add("badge success");
            done.addClassName("stop-done");
            var actions = new HorizontalLayout(done, task);
            actions.setSpacing(false);
            actions.setAlignItems(FlexComponent.Alignment.CENTER);
            return actions;
        }
        var mark = new Button("Done", VaadinIcon.CHECK.create(), click -> markDone(s));
        mark.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        mark.addClassName("stop-mark-done");
        mark.setEnabled(mayEdit());
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
            plan = plans.removeStop(plan.id(), s.targetId(), CurrentUser.current());
            show();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove " + s.name());
        remove.setEnabled(mayEdit());
        var earlier = new Button(VaadinIcon.ARROW_UP.create(), click -> {
            plan = plans.move(plan.id(), s.targetId(), -1, CurrentUser.current());
            show();
        });
        earlier.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        earlier.setAriaLabel("Visit " + s.name() + " earlier");
        earlier.addClassName("stop-earlier");
        earlier.setEnabled(mayEdit() && s.order() > 1);
        var later = new Button(VaadinIcon.ARROW_DOWN.create(), click -> {
            plan = plans.move(plan.id(), s.targetId(), 1, CurrentUser.current());
            show();
        });
        later.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        later.setAriaLabel("Visit " + s.name() + " later");
        later.addClassName("stop-later");
        later.setEnabled(mayEdit() && s.order() < plan.stops().size());
        var actions = new HorizontalLayout(mark, earlier, later, task, remove);
        actions.setSpacing(false);
        actions.addClassName("stop-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        return actions;
    }

    private void narrow(boolean narrow) {
        planned.setVisible(!narrow);
        actionsColumn.setVisible(!narrow);
        if (narrow != narrowScreen) {
            narrowScreen = narrow;
            grid.getDataProvider().refreshAll();
        }
        if (narrow) {
            addClassName("plan-narrow");
        } else {
            removeClassName("plan-narrow");
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = CurrentUser.current();
        var query = event.getLocation().getQueryParameters();
        LocalDate day = query.getSingleParameter("week").map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return LocalDate.now();
            }
        }).orElse(LocalDate.now());
        week.setValue(VisitPlans.weekOf(day));
        if (user.seesTeam()) {
            var liaisons = users.all().stream().filter(u -> u.has(Role.LIAISON) || u.username().equals(user.username()))
                    .map(UserAccounts.UserAccount::username).toList();
            liaison.setItems(liaisons);
            liaison.setValue(query.getSingleParameter("user").filter(liaisons::contains).orElse(user.username()));
            liaison.setVisible(true);
        } else {
            liaison.setItems(List.of(user.username()));
            liaison.setValue(user.username());
            liaison.setVisible(false);
        }
        load();
    }

    private boolean mayEdit() {
        var user = CurrentUser.current();
        return plan != null && (plan.owner().equals(user.username()) || user.isAdmin());
    }

    private void load() {
        var user = CurrentUser.current();
        String owner = liaison.getValue() == null ? user.username() : liaison.getValue();
        LocalDate monday = VisitPlans.weekOf(week.getValue() == null ? LocalDate.now() : week.getValue());
        if (owner.equals(user.username())) {
            plan = plans.planFor(user, monday);
        } else {
            plan = plans.plans(owner).stream().filter(p -> p.weekStart().equals(monday)).findFirst().orElse(null);
        }
        show();
    }

    private void show() {
        startZip.setInvalid(false);
        if (plan == null) {
            grid.setItems(List.of());
            summary.setText("No plan for this week");
            empty.setVisible(false);
            map.show(maps.map(List.of(), MapData.ColourBy.NETWORK, null));
            ics.setVisible(false);
            csv.setVisible(false);
            return;
        }
        startZip.setValue(plan.startZip() == null ? "" : plan.startZip());
        grid.setItems(plan.stops());
        summary.setText(plan.stops().isEmpty() ? "No visits planned for the week of " + plan.weekStart()
                : String.format(Locale.US, "%d visits · %.1f km straight-line from ZIP %s · %d done", plan.stops().size(),
                plan.routeKm(), plan.startZip(), plan.done()));
        summary.getElement().setAttribute("data-stop-count", String.valueOf(plan.stops().size()));
        empty.removeAll();
        if (plan.stops().isEmpty()) {
            empty.add(new Paragraph("Add physicians from Targets (\"Add to plan\") and they appear here in route order."));
        }
        empty.setVisible(plan.stops().isEmpty());
        grid.setVisible(!plan.stops().isEmpty());
        var covered = territories.coveredBy(plan.owner());
        map.show(maps.map(covered, MapData.ColourBy.SEGMENT, MapData.route(plan)));
        VisitPlan current = plan;
        ics.setHref(download(current, "ics"));
        csv.setHref(download(current, "csv"));
        ics.setVisible(!plan.stops().isEmpty());
        csv.setVisible(!plan.stops().isEmpty());
    }

    private DownloadHandler download(VisitPlan current, String format) {
        return event -> {
            event.setFileName("visits-" + current.weekStart() + "." + format);
            event.setContentType(format.equals("ics") ? "text/calendar;charset=UTF-8" : "text/csv;charset=UTF-8");
            var writer = event.getWriter();
            writer.write(format.equals("ics") ? PlanExport.ics(current, properties.plan().visitMinutes(), Instant.now())
                    : PlanExport.csv(current));
            writer.flush();
            audit.record(AuditType.EXPORT, "plan " + current.weekStart() + " of " + current.owner(),
                    format.toUpperCase(Locale.ROOT), (long) current.stops().size(), null);
        };
    }

    /** A dialog to give a stop a day and time of the plan's week, or to let the route choose it again. */
    private void schedule(VisitPlan.Stop stop) {
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("When to visit " + stop.name());
        dialog.addClassName("stop-schedule-dialog");
        var at = new com.vaadin.flow.component.datetimepicker.DateTimePicker("Day and time");
        at.setStep(java.time.Duration.ofMinutes(15));
        at.setMin(plan.weekStart().atStartOfDay());
        at.setMax(plan.weekStart().plusDays(6).atTime(23, 45));
        at.setValue(stop.plannedAt());
        at.setWidthFull();
        at.addClassName("stop-schedule-at");
        var note = new Paragraph("The other visits keep their times; the route follows the order of the day.");
        note.addClassName("target-detail");
        dialog.add(at, note);
        var save = new Button("Save", click -> {
            try {
                plan = plans.schedule(plan.id(), stop.targetId(), at.getValue(), CurrentUser.current());
                dialog.close();
                show();
            } catch (OutreachException e) {
                at.setErrorMessage(e.getMessage());
                at.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("stop-schedule-save");
        var byRoute = new Button("Let the route choose", click -> {
            plan = plans.schedule(plan.id(), stop.targetId(), null, CurrentUser.current());
            dialog.close();
            show();
        });
        byRoute.addClassName("stop-schedule-route");
        byRoute.setEnabled(stop.pinned());
        var cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, byRoute, save);
        dialog.open();
    }

    private void markDone(VisitPlan.Stop stop) {
        new InteractionDialog(interactions, stop.targetId(), stop.name(), null, saved -> {
            plan = plans.markDone(plan.id(), stop.targetId(), saved.id(), CurrentUser.current());
            show();
            Notification.show("Stop " + stop.order() + " done", 2000, Notification.Position.BOTTOM_START);
        }).open();
    }
}
