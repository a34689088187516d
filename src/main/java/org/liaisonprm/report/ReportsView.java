package org.liaisonprm.report;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

/**
 * The report library, grouped by category and searchable.
 */
@Route("reports")
@PageTitle("Reports · Liaison")
@Menu(order = 1, icon = "vaadin:table", title = "Reports")
@PermitAll
class ReportsView extends VerticalLayout {

    private final ReportCatalog catalog;
    private final Div library = new Div();

    ReportsView(ReportCatalog catalog) {
        this.catalog = catalog;
        addClassName("reports-view");
        setWidthFull();

        var search = new TextField();
        search.setPlaceholder("Search reports");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> show(event.getValue()));
        search.addClassName("reports-search");

        library.addClassName("reports-library");
        add(search, library);
        show("");
    }

    private void show(String filter) {
        library.removeAll();
        String wanted = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Map<String, Div> categories = new TreeMap<>();
        for (ReportDefinition report : catalog.all()) {
            String text = (report.title() + " " + report.description() + " " + report.category() + " " + report.id())
                    .toLowerCase(Locale.ROOT);
            if (!wanted.isEmpty() && !text.contains(wanted)) {
                continue;
            }
            var card = new Div();
            card.addClassName("report-card");
            var link = new RouterLink(report.title(), ReportView.class, new RouteParameters("reportId", report.id()));
            link.addClassName("report-link");
            var description = new Paragraph(report.description());
            description.addClassName("report-description");
            card.add(new H3(link), description);
            categories.computeIfAbsent(report.category(), k -> new Div()).add(card);
        }
        if (categories.isEmpty()) {
            library.add(new Paragraph("No report matches \u201c" + filter + "\u201d."));
        }
        categories.forEach((category, cards) -> {
            cards.addClassName("report-cards");
            library.add(new H2(category), cards);
        });
    }
}
