package org.liaisonprm.report;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.liaisonprm.base.CurrentUser;

/**
 * One report: a form generated from its parameters, results as a sortable grid or, when rows hold nodes,
 * as a network, and a CSV download. {@code /reports/<id>?name=value...} opens it with those parameters
 * and runs it.
 */
@Route("reports/:reportId")
@PermitAll
class ReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportLibrary library;
    private final SavedReports saved;
    private final ReportRunner runner;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final FormLayout form = new FormLayout();
    private final ResultsPanel results;
    private ReportDefinition report;

    ReportView(ReportLibrary library, SavedReports saved, ReportRunner runner) {
        this.library = library;
        this.results = new ResultsPanel(library);
        this.saved = saved;
        this.runner = runner;
        addClassName("report-view");
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return (report == null ? "Report" : report.title()) + " · Liaison";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("reportId").orElse("");
        report = library.find(id, CurrentUser.current()).orElseThrow(() -> new NotFoundException("No report " + id));
        build();
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        for (var entry : query.entrySet()) {
            var parameter = report.parameter(entry.getKey());
            if (parameter.isEmpty() || entry.getValue().isEmpty()) {
                continue;
            }
            try {
                Object value = parameter.get().type().convert(String.join(",", entry.getValue()));
                setField(parameter.get(), value);
            } catch (IllegalArgumentException e) {
                Notification.show(entry.getKey() + ": " + e.getMessage())
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
        }
        run();
    }

    private void build() {
        removeAll();
        fields.clear();
        form.removeAll();
        var title = new H2(report.title());
        title.addClassName("report-title");
        var description = new Paragraph(report.description());
        description.addClassName("report-description");

        Map<String, Object> defaults = runner.parameters(report, Map.of());
        for (ReportParameter parameter : report.parameters()) {
            var field = field(parameter);
            fields.put(parameter.name(), field);
            form.add((Component) field);
            setField(parameter, defaults.get(parameter.name()));
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("60em", 4));

        var runButton = new Button("Run", VaadinIcon.PLAY.create(), click -> run());
        runButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runButton.addClassName("report-run");
        var actions = new HorizontalLayout(runButton, results.download(), results.summary());
        actions.setAlignItems(Alignment.CENTER);
        actions.addClassName("report-actions");

        add(title);
        if (report.isSaved()) {
            add(savedBar());
        }
        add(description, form, actions, results);
        setFlexGrow(1, results);
    }

    /** Who saved the report, and for its owner: edit, history, delete. */
    private Component savedBar() {
        var info = report.saved();
        var who = new Span((info.shared() ? "Shared" : "Private") + " report saved by " + info.owner()
                + " · version " + info.version()
                + (info.updatedAt() == null ? "" : " · changed " + DATE.format(info.updatedAt())
                + (info.updatedBy() == null || info.updatedBy().equals(info.owner()) ? "" : " by " + info.updatedBy())));
        who.addClassName("report-saved-by");
        var bar = new HorizontalLayout(who);
        bar.addClassName("report-saved-bar");
        bar.setAlignItems(Alignment.CENTER);
        var user = CurrentUser.current();
        if (user.mayExport()) {
            var digest = new Checkbox("In my weekly digest (CSV)");
            digest.addClassName("report-digest");
            digest.setValue(saved.inDigest(user).stream().anyMatch(r -> r.id().equals(report.id())));
            digest.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    saved.includeInDigest(report.id(), e.getValue(), user);
                    Notification.show(e.getValue() ? "The weekly digest attaches its rows" : "Left out of the weekly digest");
                }
            });
            bar.add(digest);
        }
        var history = new Button("History", VaadinIcon.TIME_BACKWARD.create(), click -> history(user));
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        history.addClassName("report-history");
        if (report.mayBeChangedBy(user)) {
            var edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> getUI().ifPresent(ui ->
                    ui.navigate(QueryView.class, QueryParameters.of("report", report.id()))));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.addClassName("report-edit");
            var delete = new Button("Delete", VaadinIcon.TRASH.create(), click -> confirmDelete(user));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.addClassName("report-delete");
            bar.add(edit, history, delete);
        } else {
            bar.add(history);
        }
        return bar;
    }

    private void history(CurrentUser user) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Versions of \u201c" + report.title() + "\u201d");
        dialog.addClassName("report-history-dialog");
        var versions = saved.versions(report.id(), user);
        if (versions.isEmpty()) {
            dialog.add(new Paragraph("This is the first version: nothing was changed since it was saved."));
        }
        var source = new Pre();
        source.addClassName("report-version-source");
        var grid = new Grid<SavedReports.Version>();
        grid.addColumn(SavedReports.Version::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SavedReports.Version::title).setHeader("Title");
        grid.addColumn(v -> v.savedAt() == null ? "" : DATE.format(v.savedAt())).setHeader("Saved");
        grid.addColumn(SavedReports.Version::savedBy).setHeader("By");
        if (report.mayBeChangedBy(user)) {
            grid.addComponentColumn(v -> {
                var restore = new Button("Restore", click -> {
                    report = saved.restore(report.id(), v.version(), user);
                    dialog.close();
                    Notification.show("Version " + v.version() + " restored as version " + report.saved().version())
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    build();
                    run();
                });
                restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return restore;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(versions);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(event -> source.setText(event.getFirstSelectedItem()
                .map(SavedReports.Version::source).orElse("")));
        if (!versions.isEmpty()) {
            dialog.add(grid, source);
        }
        dialog.setWidth("min(56rem, 95vw)");
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    private void confirmDelete(CurrentUser user) {
        var confirm = new ConfirmDialog("Delete \u201c" + report.title() + "\u201d?",
                "The report and all its earlier versions are removed for everyone it was shared with.",
                "Delete", click -> {
                    saved.delete(report.id(), user);
                    Notification.show("Report deleted");
                    getUI().ifPresent(ui -> ui.navigate(ReportsView.class));
                }, "Cancel", click -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private HasValue<?, ?> field(ReportParameter parameter) {
        HasValue<?, ?> field = input(parameter, label(parameter.name()));
        ((Component) field).setId("param-" + parameter.name());
        return field;
    }

    /** "minReferrals" reads "Min referrals". */
    static String label(String name) {
        return org.liaisonprm.base.Vocabulary.humanise(name);
    }

    private HasValue<?, ?> input(ReportParameter parameter, String label) {
        return switch (parameter.type().kind()) {
            case DATE -> new DatePicker(label);
            case INT -> new IntegerField(label);
            case FLOAT -> new NumberField(label);
            case BOOLEAN -> new Checkbox(label);
            case ENUM -> {
                var box = new ComboBox<String>(label);
                box.setItems(parameter.type().values());
                box.setItemLabelGenerator(org.liaisonprm.base.Vocabulary::humanise);
                yield box;
            }
            case STRING_LIST -> {
                var box = new MultiSelectComboBox<String>(label);
                box.setItems(runner.choices(report, parameter, CurrentUser.current()).stream().map(ReportRunner.Choice::value).toList());
                yield box;
            }
            case STRING -> {
                if (parameter.choicesQuery() == null) {
                    var text = new TextField(label);
                    text.setClearButtonVisible(true);
                    yield text;
                }
                var box = new ComboBox<ReportRunner.Choice>(label);
                box.setItems(runner.choices(report, parameter, CurrentUser.current()));
                box.setItemLabelGenerator(ReportRunner.Choice::label);
                box.setClearButtonVisible(true);
                yield box;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void setField(ReportParameter parameter, Object value) {
        HasValue field = fields.get(parameter.name());
        if (value == null) {
            field.clear();
            return;
        }
        switch (parameter.type().kind()) {
            case INT -> field.setValue(((Number) value).intValue());
            case FLOAT -> field.setValue(((Number) value).doubleValue());
            case STRING_LIST -> field.setValue(new LinkedHashSet<>((Collection<String>) value));
            case STRING -> {
                if (field instanceof ComboBox<?> box && parameter.choicesQuery() != null) {
                    ((ComboBox<ReportRunner.Choice>) box).getListDataView().getItems()
                            .filter(choice -> choice.value().equals(value)).findFirst()
                            .ifPresent(choice -> ((ComboBox<ReportRunner.Choice>) box).setValue(choice));
                } else {
                    field.setValue(value.toString());
                }
            }
            default -> field.setValue(value);
        }
    }

    private Map<String, Object> values() {
        var values = new HashMap<String, Object>();
        fields.forEach((name, field) -> {
            Object value = field.getValue();
            if (value instanceof ReportRunner.Choice choice) {
                value = choice.value();
            } else if (value instanceof Set<?> set) {
                value = set.isEmpty() ? null : List.copyOf(set);
            } else if (value instanceof String s && s.isBlank()) {
                value = null;
            }
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    private void run() {
        fields.values().forEach(field -> {
            if (field instanceof HasValidation validated) {
                validated.setInvalid(false);
            }
        });
        Map<String, Object> values = values();
        ReportResult result;
        try {
            result = library.run(report, values);
        } catch (ReportParameterException e) {
            if (fields.get(e.parameter()) instanceof HasValidation invalid) {
                invalid.setErrorMessage(e.getMessage());
                invalid.setInvalid(true);
            }
            return;
        } catch (QueryTimeoutException | QueryRefusedException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        results.show(report, result, report.view(), report.id());
        rememberInUrl(values);
    }

    private void rememberInUrl(Map<String, Object> values) {
        var query = new LinkedHashMap<String, List<String>>();
        for (ReportParameter parameter : report.parameters()) {
            Object value = values.get(parameter.name());
            if (value instanceof Collection<?> items) {
                query.put(parameter.name(), List.of(items.stream().map(String::valueOf).collect(Collectors.joining(","))));
            } else if (value != null) {
                query.put(parameter.name(), List.of(value.toString()));
            }
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("reports/" + report.id(), new QueryParameters(query))));
    }
}
