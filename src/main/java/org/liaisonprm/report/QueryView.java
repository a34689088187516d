package org.liaisonprm.report;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Ad-hoc read-only Cypher for analysts and administrators: an editor with syntax colouring, results as
 * table, network or CSV, and a plain refusal when a query would write or reach outside the graph.
 * {@code /query?cypher=...} opens with that query.
 */
@Route("query")
@PageTitle("Cypher · Liaison")
@Menu(order = 2, icon = "vaadin:code", title = "Cypher")
@RolesAllowed({"ADMIN", "ANALYST"})
class QueryView extends VerticalLayout implements BeforeEnterObserver {

    private final ReportRunner runner;
    private final CypherEditor editor = new CypherEditor();
    private final Div message = new Div();
    private final ResultsPanel results = new ResultsPanel();

    QueryView(ReportRunner runner) {
        this.runner = runner;
        addClassName("query-view");
        setSizeFull();

        var help = new Paragraph("Read-only Cypher against the referral graph (docs/graph-model.md). Queries run "
                + "in a read transaction with a time limit; writes, LOAD CSV and procedures outside a read-only "
                + "allow-list are refused. Project GDS graphs as $graphName. Ctrl+Enter runs.");
        help.addClassName("query-help");
        editor.setWidthFull();
        editor.addClassName("query-editor");
        editor.addRunListener(event -> run());

        var runButton = new Button("Run", VaadinIcon.PLAY.create(), click -> run());
        runButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runButton.addClassName("query-run");
        var actions = new HorizontalLayout(runButton, results.download(), results.summary());
        actions.setAlignItems(Alignment.CENTER);
        actions.addClassName("report-actions");
        message.addClassName("query-message");
        message.setVisible(false);

        add(help, editor, actions, message, results);
        setFlexGrow(1, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("cypher").ifPresent(cypher -> {
            editor.setValue(cypher);
            run();
        });
    }

    private void run() {
        message.setVisible(false);
        String cypher = editor.getValue();
        try {
            results.show(runner.query(cypher, Map.of(), null), ReportDefinition.View.TABLE, "query");
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    new Location("query", QueryParameters.of("cypher", cypher))));
        } catch (QueryRefusedException | QueryTimeoutException e) {
            message.setText(e.getMessage());
            message.setVisible(true);
        } catch (RuntimeException e) {
            message.setText("Neo4j could not run the query: " + e.getMessage());
            message.setVisible(true);
        }
    }
}
