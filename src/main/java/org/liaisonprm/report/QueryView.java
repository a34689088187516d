package org.liaisonprm.report;

import java.util.Map;
import java.util.TreeSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;

/**
 * Ad-hoc read-only Cypher for analysts and administrators: an editor with syntax colouring, results as
 * table, network or CSV, and a plain refusal when a query would write or reach outside the graph. The text
 * may carry a report header ({@code // @param ...}), whose defaults the query runs with; "Save as report"
 * stores it as a saved report. {@code /query?cypher=...} opens with that query in the editor, without
 * running it; {@code /query?report=<id>} edits a saved report.
 */
@Route("query")
@PageTitle("Cypher · Liaison")
@Menu(order = 2, icon = "vaadin:code", title = "Cypher")
@RolesAllowed({"ADMIN", "ANALYST"})
class QueryView extends VerticalLayout implements BeforeEnterObserver {

    private static final String PLACEHOLDER_TITLE = "Query";

    private final ReportRunner runner;
    private final SavedReports saved;
    private final ReportLibrary library;
    private final CypherEditor editor = new CypherEditor();
    private final Div message = new Div();
    private final Div editing = new Div();
    private final Button save = new Button("Save as report", VaadinIcon.BOOKMARK.create());
    private final Button saveAsNew = new Button("Save as new report", VaadinIcon.COPY.create());
    private final ResultsPanel results;
    private ReportDefinition editedReport;

    QueryView(ReportRunner runner, SavedReports saved, ReportLibrary library) {
        this.runner = runner;
        this.saved = saved;
        this.library = library;
        this.results = new ResultsPanel(library);
        addClassName("query-view");
        setSizeFull();

        var help = new Paragraph();
        appendWithCode(help, "Read-only Cypher against the referral graph (docs/graph-model.md): give node patterns a "
                + "label such as `(p:Physician)` and relationships a type such as `[:REFERRED]`; application data, writes, "
                + "files and other procedures are refused with the reason. Queries run in a read transaction with a time "
                + "limit. Project GDS graphs as `$graphName`. Declare parameters in a header, e.g. "
                + "`// @param serviceLine: string = Orthopedics` (docs/reports.md). Ctrl+Enter runs.");
        help.addClassName("query-help");
        editing.addClassName("query-editing");
        editing.setVisible(false);
        editor.setWidthFull();
        editor.addClassName("query-editor");
        editor.addRunListener(event -> run());

        var runButton = new Button("Run", VaadinIcon.PLAY.create(), click -> run());
        runButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runButton.addClassName("query-run");
        save.addClassName("query-save");
        save.addClickListener(click -> openSaveDialog(editedReport));
        saveAsNew.addClassName("query-save-new");
        saveAsNew.addClickListener(click -> openSaveDialog(null));
        saveAsNew.setVisible(false);
        var actions = new HorizontalLayout(runButton, save, saveAsNew, results.download(), results.summary());
        actions.setAlignItems(Alignment.CENTER);
        actions.addClassName("report-actions");
        message.addClassName("query-message");
        message.setVisible(false);

        add(help, editing, editor, actions, message, results);
        setFlexGrow(1, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        query.getSingleParameter("report").ifPresent(id -> {
            var report = library.find(id, CurrentUser.current()).filter(ReportDefinition::isSaved)
                    .filter(r -> r.mayBeChangedBy(CurrentUser.current()));
            if (report.isEmpty()) {
                Notification.show("There is no saved report " + id + " that you may change")
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                return;
            }
            edit(report.get());
        });
        // a link only fills the editor: whoever follows it reads the query and runs it themselves
        query.getSingleParameter("cypher").ifPresent(editor::setValue);
    }

    private void edit(ReportDefinition report) {
        editedReport = report;
        editor.setValue(report.saved().source());
        editing.setText("Editing \u201c" + report.title() + "\u201d, version " + report.saved().version()
                + ": saving makes a new version, the current one stays in its history.");
        editing.setVisible(true);
        save.setText("Save");
        saveAsNew.setVisible(true);
    }

    /** The editor's text as a report; a text without a header is a report without parameters. */
    private ReportDefinition parsed(String text) {
        String withTitle = text.lines().anyMatch(line -> line.strip().matches("//\\s*@title\\b.*"))
                ? text : "// @title " + PLACEHOLDER_TITLE + "\n" + text;
        return ReportFile.parse("query", withTitle, "the query");
    }

    private void run() {
        message.setVisible(false);
        String text = editor.getValue();
        try {
            ReportDefinition query = parsed(text);
            var result = library.query(query.cypher(), runner.parameters(query, Map.of()), null);
            results.show(ReportColumn.of(query, result, false), result, query.view(), "query");
            if (editedReport == null) {
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                        new Location("query", QueryParameters.of("cypher", text))));
            }
        } catch (IllegalArgumentException | QueryTimeoutException | QueryTooLargeException | QueryBusyException e) {
            show(e.getMessage());
        } catch (RuntimeException e) {
            show("Neo4j could not run the query: " + e.getMessage());
        }
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    /** Title, description, category, view and sharing; then the report is stored and opened. */
    private void openSaveDialog(ReportDefinition existing) {
        ReportDefinition current;
        try {
            current = parsed(editor.getValue());
        } catch (IllegalArgumentException e) {
            show(e.getMessage());
            return;
        }
        var dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "Save as report" : "Save \u201c" + existing.title() + "\u201d");
        dialog.addClassName("save-report-dialog");
        var title = new TextField("Title");
        title.setRequired(true);
        title.setWidthFull();
        title.setId("save-title");
        title.setValue(PLACEHOLDER_TITLE.equals(current.title()) ? "" : current.title());
        var category = new ComboBox<String>("Category");
        var categories = new TreeSet<String>();
        library.all(CurrentUser.current()).forEach(r -> categories.add(r.category()));
        categories.add("Saved");
        category.setItems(categories);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(event -> category.setValue(event.getDetail()));
        category.setValue("Other".equals(current.category()) ? "Saved" : current.category());
        category.setId("save-category");
        var view = new Select<ReportDefinition.View>();
        view.setLabel("Show results as");
        view.setItems(ReportDefinition.View.values());
        view.setItemLabelGenerator(v -> switch (v) {
            case TABLE -> "Table";
            case GRAPH -> "Network";
            case BAR -> "Bar chart";
            case LINE -> "Line chart";
        });
        view.setValue(current.view());
        var description = new TextArea("Description");
        description.setValue(current.description());
        description.setWidthFull();
        var shared = new Checkbox("Shared: everyone who can open reports sees it");
        shared.setValue(existing != null && existing.saved().shared());
        shared.setId("save-shared");
        var error = new Div();
        error.addClassName("query-message");
        error.setVisible(false);

        var form = new FormLayout(title, category, view, description, shared);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        form.setColspan(shared, 2);
        dialog.add(form, error);
        var confirm = new Button(existing == null ? "Save" : "Save new version", click -> {
            if (title.getValue().isBlank()) {
                title.setInvalid(true);
                title.setErrorMessage("A report needs a title");
                return;
            }
            String source = ReportFile.withHeader(editor.getValue(), title.getValue(), description.getValue(),
                    category.getValue(), view.getValue());
            try {
                var user = CurrentUser.current();
                var report = existing == null ? saved.create(source, shared.getValue(), user)
                        : saved.update(existing.id(), source, shared.getValue(), user);
                dialog.close();
                Notification.show("Saved \u201c" + report.title() + "\u201d").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(ReportView.class, new RouteParameters("reportId", report.id())));
            } catch (IllegalArgumentException | org.springframework.security.access.AccessDeniedException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("save-confirm");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
        title.focus();
    }

    /** Appends text to a paragraph with the parts between backticks as code. */
    private static void appendWithCode(Paragraph paragraph, String text) {
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1) {
                paragraph.getElement().appendChild(new com.vaadin.flow.dom.Element("code").setText(parts[i]));
            } else if (!parts[i].isEmpty()) {
                paragraph.getElement().appendChild(com.vaadin.flow.dom.Element.createText(parts[i]));
            }
        }
    }
}
