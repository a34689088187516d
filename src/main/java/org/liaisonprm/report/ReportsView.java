package org.liaisonprm.report;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.liaisonprm.base.CurrentUser;

/**
 * The report library, grouped by category and searchable: the built-in reports and the saved ones the
 * user may see, marked with who saved them and whether they are shared.
 */
@Route("reports")
@PageTitle("Reports · Liaison")
@Menu(order = 1, icon = "vaadin:table", title = "Reports")
@PermitAll
class ReportsView extends VerticalLayout {

    private final ReportLibrary reports;
    private final Div library = new Div();

    ReportsView(ReportLibrary reports) {
        this.reports = reports;
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
        var top = new HorizontalLayout(search);
        top.addClassName("reports-top");
        top.setAlignItems(Alignment.BASELINE);
        if (CurrentUser.current().mayWriteCypher()) {
            var write = new RouterLink("Write a report", QueryView.class);
            write.addClassName("reports-write");
            top.add(write);
        }
        add(top, library);
        show("");
    }

    private void show(String filter) {
        library.removeAll();
        String wanted = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Map<String, Div> categories = new TreeMap<>();
        for (ReportDefinition report : reports.all(CurrentUser.current())) {
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
            if (report.isSaved()) {
                card.addClassName("saved");
                var saved = report.saved();
                var by = new Span((saved.shared() ? "Shared" : "Private") + " · saved by " + saved.owner()
                        + (saved.version() > 1 ? " · version " + saved.version() : ""));
                by.addClassName("report-saved-by");
                by.getElement().getThemeList().add("badge");
                if (!saved.shared()) {
                    by.getElement().getThemeList().add("contrast");
                }
                card.add(by);
            }
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
