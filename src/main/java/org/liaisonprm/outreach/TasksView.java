package org.liaisonprm.outreach;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Csv;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.physician.ProviderMatch;
import org.liaisonprm.physician.ProviderSearch;
import org.liaisonprm.security.UserAccounts;

/**
 * Tasks: a liaison's own, the team's for managers and administrators with open and overdue counts per
 * liaison; filters by status, liaison and overdue; change, close, and download as CSV.
 */
@Route("tasks")
@PageTitle("Tasks · Liaison")
@Menu(order = 0.16, icon = "vaadin:tasks", title = "Tasks")
@RolesAllowed({"ADMIN", "MANAGER", "LIAISON"})
class TasksView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    static final int SHOWN = 2_000;

    private final Tasks tasks;
    private final AuditTrail audit;
    private final Select<TaskStatus> status = new Select<>();
    private final Select<UserAccounts.UserAccount> user = new Select<>();
    private final Checkbox overdue = new Checkbox("Overdue only");
    private final Grid<Task> grid = new Grid<>();
    private final Grid<Tasks.Counts> team = new Grid<>();
    private final Span summary = new Span();

    TasksView(Tasks tasks, UserAccounts users, AuditTrail audit, ProviderSearch providers) {
        this.tasks = tasks;
        this.audit = audit;
        addClassName("tasks-view");
        setSizeFull();
        var me = CurrentUser.current();

        status.setLabel("Status");
        status.setItems(TaskStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Open and waiting" : s.label());
        status.setEmptySelectionAllowed(true);
        user.setLabel("Liaison");
        user.setEmptySelectionAllowed(true);
        user.setEmptySelectionCaption("Everyone");
        user.setItems(users.all());
        user.setItemLabelGenerator(u -> u == null ? "Everyone" : u.displayName());
        user.setVisible(me.seesTeam());
        status.addValueChangeListener(e -> refresh());
        user.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        var download = new Anchor(csv(), "");
        var button = new Button("CSV", VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        download.add(button);
        download.addClassName("tasks-csv");
        download.setVisible(me.mayExport());
        summary.addClassName("report-summary");
        var about = new ComboBox<ProviderMatch>("New task about");
        about.setPlaceholder("Search a physician or practice");
        about.setItems(query -> providers.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream()
                .filter(m -> m.kind() != NetworkPicture.Kind.FACILITY));
        about.setItemLabelGenerator(m -> m.name() + (m.city() == null ? "" : " · " + m.city()));
        about.addClassName("tasks-new");
        about.setWidth("min(24rem, 100%)");
        about.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                TaskDialog.create(tasks, e.getValue().id(), e.getValue().name(), saved -> refresh()).open();
                about.clear();
            }
        });
        add(about);
        var filters = new HorizontalLayout(status, user, overdue, summary, download);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("tasks-filters");

        if (me.seesTeam()) {
            team.addThemeVariants(GridVariant.LUMO_COMPACT);
            team.addColumn(Tasks.Counts::name).setHeader("Liaison").setFlexGrow(1);
            team.addColumn(Tasks.Counts::open).setHeader("Open").setAutoWidth(true).setFlexGrow(0);
            team.addColumn(Tasks.Counts::waiting).setHeader("Waiting").setAutoWidth(true).setFlexGrow(0);
            team.addComponentColumn(c -> {
                var count = new Span(String.valueOf(c.overdue()));
                if (c.overdue() > 0) {
                    count.addClassName("task-overdue");
                }
                return count;
            }).setHeader("Overdue").setAutoWidth(true).setFlexGrow(0);
            team.addColumn(Tasks.Counts::doneThisWeek).setHeader("Done in 7 days").setAutoWidth(true).setFlexGrow(0);
            team.setAllRowsVisible(true);
            team.addClassName("tasks-team");
            var heading = new H3("The team");
            add(heading, team);
        }

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(t -> {
            var due = new Span(t.due() == null ? "" : DAY.format(t.due()));
            if (t.overdue()) {
                due.addClassName("task-overdue");
                due.getElement().setAttribute("title", "overdue");
            }
            return due;
        }).setHeader("Due").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Task::title).setHeader("Task").setFlexGrow(2);
        grid.addComponentColumn(t -> AlertsView.link((t.targetKind().equals("Practice") ? "practices/" : "physicians/")
                + AlertsView.encode(t.physicianId()), t.targetName() == null ? t.physicianId() : t.targetName()))
                .setHeader("About").setFlexGrow(1);
        grid.addColumn(Task::ownerName).setHeader("Owner").setAutoWidth(true).setFlexGrow(0).setVisible(me.seesTeam());
        grid.addColumn(t -> t.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Task::daysOutstanding).setHeader("Days outstanding").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.notes() == null ? "" : t.notes()).setHeader("Notes").setFlexGrow(2);
        grid.addComponentColumn(t -> {
            var actions = new Div();
            if (Tasks.mayChange(t, CurrentUser.current())) {
                var edit = new Button(VaadinIcon.EDIT.create(), click -> TaskDialog.change(tasks, t, saved -> refresh()).open());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                edit.setAriaLabel("Change");
                edit.addClassName("task-edit");
                actions.add(edit);
                if (t.status() != TaskStatus.DONE) {
                    var done = new Button("Done", click -> {
                        tasks.update(t.id(), new TaskDraft(null, null, null, null, TaskStatus.DONE), CurrentUser.current());
                        refresh();
                    });
                    done.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    done.addClassName("task-done");
                    done.getElement().setAttribute("data-task-id", t.id());
                    actions.add(done);
                }
            }
            return actions;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        grid.addClassName("tasks-grid");
        add(filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Tasks.Filter filter() {
        return new Tasks.Filter(status.getValue(), user.getValue() == null ? null : user.getValue().username(), null,
                overdue.getValue());
    }

    private List<Task> found(int limit) {
        var found = tasks.find(filter(), CurrentUser.current(), limit);
        return status.getValue() == null ? found.stream().filter(t -> t.status() != TaskStatus.DONE).toList() : found;
    }

    private void refresh() {
        var found = found(SHOWN);
        grid.setItems(found);
        long late = found.stream().filter(Task::overdue).count();
        summary.setText(found.size() + (found.size() == 1 ? " task" : " tasks") + (late == 0 ? "" : ", " + late + " overdue"));
        if (CurrentUser.current().seesTeam()) {
            team.setItems(tasks.counts(CurrentUser.current()));
        }
    }

    private DownloadHandler csv() {
        return event -> {
            event.setFileName("tasks.csv");
            event.setContentType("text/csv;charset=UTF-8");
            var all = found(100_000);
            var writer = event.getWriter();
            var out = new Csv(writer).row(List.of("Due", "Task", "About", "Physician or practice id", "Owner", "Status",
                    "Days outstanding", "Overdue", "Created", "Done", "Notes"));
            for (Task t : all) {
                out.row(Arrays.asList(t.due(), t.title(), t.targetName(), t.physicianId(), t.ownerName(), t.status().label(),
                        t.daysOutstanding(), t.overdue() ? "yes" : "no",
                        t.createdAt() == null ? null : t.createdAt().toLocalDate(),
                        t.closedAt() == null ? null : t.closedAt().toLocalDate(), t.notes()));
            }
            writer.flush();
            audit.record(AuditType.EXPORT, "tasks", "CSV", (long) all.size(), null);
        };
    }
}
