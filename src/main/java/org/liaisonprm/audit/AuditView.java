package org.liaisonprm.audit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.Csv;

/**
 * The audit trail for administrators: filter by dates, user and kind of event; export as CSV.
 */
@Route("audit")
@PageTitle("Audit trail · Liaison")
@Menu(order = 9, icon = "vaadin:clipboard-text", title = "Audit trail")
@RolesAllowed("ADMIN")
class AuditView extends VerticalLayout {

    private static final int SHOWN = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditTrail audit;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("Until (inclusive)");
    private final TextField user = new TextField("User");
    private final ComboBox<AuditType> type = new ComboBox<>("Kind");
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Span summary = new Span();
    private List<AuditEvent> events = List.of();

    AuditView(AuditTrail audit) {
        this.audit = audit;
        addClassName("audit-view");
        setSizeFull();

        from.setValue(LocalDate.now().minusDays(30));
        user.setClearButtonVisible(true);
        type.setItems(AuditType.values());
        type.setItemLabelGenerator(AuditType::label);
        type.setClearButtonVisible(true);
        var show = new Button("Show", VaadinIcon.SEARCH.create(), click -> refresh());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var download = new Anchor(csv(), "Download CSV");
        download.addClassName("audit-download");
        summary.addClassName("report-summary");
        var filters = new HorizontalLayout(from, to, user, type, show, download, summary);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> TIME.format(e.at())).setHeader("When (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.type().label()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::username).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AuditView::what).setHeader("What").setAutoWidth(true);
        grid.addColumn(e -> e.rows() == null ? "" : e.rows().toString()).setHeader("Rows").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.durationMs() == null ? "" : e.durationMs() + " ms").setHeader("Took").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::address).setHeader("Address").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AuditView::detail).setHeader("Detail").setFlexGrow(1);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(e -> {
            var detail = new com.vaadin.flow.component.html.Pre(e.detail() == null ? "" : e.detail());
            detail.addClassName("audit-detail");
            return detail;
        }));
        grid.setSizeFull();
        grid.addClassName("audit-grid");
        add(filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private AuditTrail.Filter filter() {
        return new AuditTrail.Filter(from.getValue(), to.getValue() == null ? null : to.getValue().plusDays(1),
                user.getValue(), type.getValue());
    }

    private void refresh() {
        events = audit.find(filter(), SHOWN);
        grid.setItems(events);
        summary.setText(events.size() == SHOWN ? "the newest " + SHOWN + " events" : events.size() + " events");
    }

    private DownloadHandler csv() {
        return event -> {
            event.setFileName("audit.csv");
            event.setContentType("text/csv;charset=UTF-8");
            var all = audit.find(filter(), 100_000);
            var writer = event.getWriter();
            var out = new Csv(writer).row(List.of("When (UTC)", "Kind", "User", "What", "Rows", "Took (ms)", "Address",
                    "Detail"));
            for (AuditEvent e : all) {
                out.row(java.util.Arrays.asList(TIME.format(e.at()), e.type().label(), e.username(), e.target(), e.rows(),
                        e.durationMs(), e.address(), e.detail()));
            }
            writer.flush();
            audit.record(AuditType.EXPORT, "audit", "CSV", (long) all.size(), null);
        };
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * An event's detail as people read it: report parameters as "Name in words: value", codes by their
     * labels; the Cypher of a query as code, as it was written.
     */
    private static com.vaadin.flow.component.Component detail(AuditEvent e) {
        var cell = new com.vaadin.flow.component.html.Span();
        cell.addClassName("audit-text");
        if (e.detail() == null) {
            return cell;
        }
        if (e.type() == AuditType.QUERY_RUN) {
            cell.getElement().appendChild(new com.vaadin.flow.dom.Element("code").setText(e.detail()));
            return cell;
        }
        cell.setText(readable(e.detail()));
        return cell;
    }

    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What an event is about; a generated id is shortened to its first eight characters, whole on hover and in CSV. */
    private static com.vaadin.flow.component.Component what(AuditEvent e) {
        String target = e.target() == null ? "" : e.target();
        var cell = new com.vaadin.flow.component.html.Span(UUID.matcher(target).matches()
                ? (switch (e.type()) {
                    case INTERACTION_CHANGED -> "Interaction ";
                    case TASK_CHANGED -> "Task ";
                    case ALERT_CHANGED -> "Alert ";
                    default -> "";
                }) + target.substring(0, 8) + "…" : target);
        cell.getElement().setAttribute("title", target);
        return cell;
    }

    static String readable(String detail) {
        String text = detail.strip();
        if (text.startsWith("{")) {
            try {
                var node = JSON.readTree(text);
                if (node.isObject()) {
                    var parts = new java.util.ArrayList<String>();
                    node.properties().forEach(field -> {
                        var value = field.getValue();
                        String shown = value.isNull() ? "not set" : value.isBoolean() ? (value.asBoolean() ? "yes" : "no")
                                : value.isTextual() ? value.asText() : value.toString();
                        parts.add(org.liaisonprm.base.Vocabulary.humanise(field.getKey()) + ": " + shown);
                    });
                    return parts.isEmpty() ? "no parameters" : String.join("; ", parts);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // shown as it is
            }
        }
        var m = CODE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String code = m.group();
            String label = org.liaisonprm.base.Vocabulary.kindHolding(java.util.Set.of(code))
                    .flatMap(kind -> org.liaisonprm.base.Vocabulary.label(kind, code)).orElse(code);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(label));
        }
        m.appendTail(out);
        return out.toString();
    }
}
