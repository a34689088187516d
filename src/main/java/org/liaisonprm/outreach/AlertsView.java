package org.liaisonprm.outreach;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;

/**
 * Alerts: a liaison's (their territories' and their own follow-ups), the team's for managers and
 * administrators. Each card gives the reason and its figures, links to the profile and the explorer, and
 * can be dismissed with a reason or turned into a task.
 */
@Route("alerts")
@PageTitle("Alerts · Liaison")
@Menu(order = 0.15, icon = "vaadin:bell-o", title = "Alerts")
@RolesAllowed({"ADMIN", "MANAGER", "LIAISON"})
class AlertsView extends VerticalLayout {

    /** Referrers at risk listed on a card; the rest open below. */
    private static final int SHOWN_REFERRERS = 8;
    private static final DateTimeFormatter RAISED = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

    private final Alerts alerts;
    private final Tasks tasks;
    private final Select<AlertKind> kind = new Select<>();
    private final Select<AlertStatus> status = new Select<>();
    private final Div list = new Div();
    private final Span summary = new Span();

    AlertsView(Alerts alerts, Tasks tasks) {
        this.alerts = alerts;
        this.tasks = tasks;
        addClassName("alerts-view");
        setWidthFull();
        kind.setLabel("Kind");
        kind.setItems(AlertKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All kinds" : k.label());
        kind.setEmptySelectionAllowed(true);
        status.setLabel("Status");
        status.setItems(AlertStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setValue(AlertStatus.OPEN);
        kind.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        summary.addClassName("report-summary");
        var filters = new HorizontalLayout(kind, status, summary);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("alerts-filters");
        filters.setWrap(true);
        list.addClassName("alerts-list");
        list.setWidthFull();
        add(filters, list);
        refresh();
    }

    private void refresh() {
        var found = alerts.find(new Alerts.Filter(status.getValue(), kind.getValue(), null), CurrentUser.current(), 500);
        list.removeAll();
        summary.setText(found.size() + (found.size() == 1 ? " alert" : " alerts"));
        if (found.isEmpty()) {
            list.add(new Paragraph(status.getValue() == AlertStatus.OPEN
                    ? "No open alerts. They are computed after every import and every night." : "No alerts."));
        }
        for (Alert a : found) {
            list.add(card(a));
        }
    }

    private Component card(Alert a) {
        var card = new Div();
        card.addClassName("alert-card");
        card.getElement().setAttribute("data-alert-id", a.id());
        card.getElement().setAttribute("data-kind", a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        var badge = new Span(a.kind().label());
        badge.addClassName("alert-kind");
        badge.getElement().setAttribute("title", a.kind().description());
        var when = new Span((a.raisedAt() == null ? "" : "raised " + RAISED.format(a.raisedAt()))
                + (a.status() == AlertStatus.OPEN ? "" : " \u00b7 " + a.status().label().toLowerCase(Locale.ROOT)
                + (a.closedBy() == null ? "" : " by " + a.closedBy())));
        when.addClassName("alert-when");
        var head = new Div(badge, when);
        head.addClassName("alert-head");
        var title = new H3(a.title());
        title.addClassName("alert-title");
        var reason = new Paragraph(a.reason());
        reason.addClassName("alert-reason");
        card.add(head, title, reason);
        if (a.dismissReason() != null) {
            card.add(new Paragraph("Dismissed because: " + a.dismissReason()));
        }
        var figures = new Div();
        figures.addClassName("alert-figures");
        for (var f : a.figures()) {
            var label = new Span(f.label());
            label.addClassName("alert-figure-label");
            var value = new Span(f.value());
            value.addClassName("alert-figure-value");
            figures.add(new Div(label, value));
        }
        card.add(figures);
        if (!a.referrers().isEmpty()) {
            var referrers = new Div(new Span("Referrers at risk:"));
            referrers.addClassName("alert-referrers");
            var all = a.referrers();
            all.stream().limit(SHOWN_REFERRERS).forEach(r -> referrers.add(referrer(r)));
            if (all.size() > SHOWN_REFERRERS) {
                var rest = new Div();
                all.stream().skip(SHOWN_REFERRERS).forEach(r -> rest.add(referrer(r)));
                var more = new Details("and " + (all.size() - SHOWN_REFERRERS) + " more", rest);
                more.addClassName("alert-more-referrers");
                referrers.add(more);
            }
            card.add(referrers);
        }
        var actions = new Div();
        actions.addClassName("alert-actions");
        String profile = (a.targetKind().equals("Practice") ? "practices/" : "physicians/") + encode(a.physicianId());
        actions.add(link(profile, "Profile"), link("network?focus=" + encode(a.physicianId()), "Explorer"));
        if (!a.recipients().isEmpty() && CurrentUser.current().seesTeam()) {
            actions.add(new Span("for " + String.join(", ", a.recipients())));
        }
        if (a.status() == AlertStatus.OPEN) {
            var task = new Button("Make a task", click -> {
                var made = alerts.toTask(a.id(), null, CurrentUser.current());
                Notification.show("Task \u201c" + made.title() + "\u201d due " + made.due());
                refresh();
            });
            task.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            task.addClassName("alert-make-task");
            var dismiss = new Button("Dismiss\u2026", click -> dismissDialog(a).open());
            dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            dismiss.addClassName("alert-dismiss");
            actions.add(task, dismiss);
        } else if (a.taskId() != null) {
            actions.add(link("tasks", "Open the task"));
        }
        card.add(actions);
        return card;
    }

    private Dialog dismissDialog(Alert a) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Dismiss \u00b7 " + a.title());
        dialog.setWidth("min(32rem, 100vw)");
        var reason = new TextArea("Why?");
        reason.setId("alert-dismiss-reason");
        reason.setWidthFull();
        reason.setMaxLength(Alerts.MAX_REASON);
        reason.setPlaceholder("e.g. retiring next month; spoke to the office manager");
        var error = new Span();
        error.addClassName("query-message");
        error.setVisible(false);
        dialog.add(reason, error);
        var confirm = new Button("Dismiss", click -> {
            try {
                alerts.dismiss(a.id(), reason.getValue(), CurrentUser.current());
                dialog.close();
                refresh();
            } catch (OutreachException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("alert-dismiss-confirm");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        return dialog;
    }

    private static Div referrer(Alert.Referrer r) {
        return new Div(link("physicians/" + encode(r.physicianId()), r.name()),
                new Span(String.format(Locale.US, " %,d referrals, %s", r.referrals(), Alerts.money(r.revenue()))));
    }

    static Anchor link(String href, String text) {
        var link = new Anchor(href, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
