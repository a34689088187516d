package org.liaisonprm.network;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.liaisonprm.base.Network;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.ReferralNetworkGraph;
import org.liaisonprm.outreach.Alert;
import org.liaisonprm.outreach.AlertStatus;
import org.liaisonprm.outreach.Alerts;
import org.liaisonprm.outreach.InteractionDialog;
import org.liaisonprm.outreach.Interactions;
import org.liaisonprm.outreach.Task;
import org.liaisonprm.outreach.TaskDialog;
import org.liaisonprm.outreach.Tasks;
import org.liaisonprm.report.ReportChart;
import org.liaisonprm.report.ReportDefinition;

/**
 * One physician's (practice's, facility's) page: identity and affiliations, referrals sent and received by
 * service line and month, kept share over time, the busiest partners, a small picture of the neighbourhood,
 * and a link into the explorer.
 */
@Route("physicians/:id")
@RouteAlias("practices/:id")
@RouteAlias("facilities/:id")
@PermitAll
class ProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProfileService profiles;
    private final NetworkService network;
    private final Interactions interactions;
    private final Tasks tasks;
    private final Alerts alerts;
    private String title = "Profile";

    ProfileView(ProfileService profiles, NetworkService network, Interactions interactions, Tasks tasks, Alerts alerts) {
        this.profiles = profiles;
        this.network = network;
        this.interactions = interactions;
        this.tasks = tasks;
        this.alerts = alerts;
        addClassName("profile-view");
        setWidthFull();
    }

    @Override
    public String getPageTitle() {
        return title + " · Liaison";
    }

    /** The address of a provider's page. */
    static String path(NetworkPicture.Kind kind, String id) {
        return switch (kind) {
            case PHYSICIAN -> "physicians/";
            case PRACTICE -> "practices/";
            case FACILITY -> "facilities/";
            case GROUP -> throw new IllegalArgumentException("A group has no page of its own: " + id);
        } + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        var profile = profiles.profile(id).orElseThrow(() -> new NotFoundException("No provider " + id));
        title = profile.name();
        removeAll();

        var name = new H2(profile.name());
        name.addClassName("profile-name");
        var badge = new Span(Network.labelOf(profile.network()));
        badge.getElement().getThemeList().add("badge");
        if ("OUT".equals(profile.network())) {
            badge.getElement().getThemeList().add("contrast");
        }
        var explore = new RouterLink("Open in the explorer", NetworkView.class);
        explore.setQueryParameters(NetworkLink.focusOn(profile.id()));
        explore.addClassName("profile-explore");
        var header = new FlexLayout(name, badge, explore);
        header.addClassName("profile-header");
        if (CurrentUser.current().doesOutreach() && profile.kind() != NetworkPicture.Kind.FACILITY) {
            var log = new Button("Log interaction", VaadinIcon.COMMENT_ELLIPSIS_O.create(), click ->
                    new InteractionDialog(interactions, profile.id(), profile.name(), null,
                            saved -> getUI().ifPresent(ui -> ui.getPage().reload())).open());
            log.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            log.addClassName("profile-log");
            var task = new Button("New task", VaadinIcon.TASKS.create(), click ->
                    TaskDialog.create(tasks, profile.id(), profile.name(),
                            saved -> getUI().ifPresent(ui -> ui.getPage().reload())).open());
            task.addThemeVariants(ButtonVariant.LUMO_SMALL);
            task.addClassName("profile-new-task");
            header.add(log, task);
        }

        var facts = new Div();
        facts.addClassName("profile-facts");
        profile.identity().forEach(f -> facts.add(fact(f.label(), f.value())));
        if (profile.kind() != NetworkPicture.Kind.FACILITY) {
            facts.add(fact("Last interaction", interactions.lastContact(profile.id()).map(Object::toString).orElse("none")));
        }

        var figures = new Div(figure("Referrals sent, last 12 months", "%,d".formatted(profile.sent())),
                figure("Received", "%,d".formatted(profile.received())),
                figure("Kept in network", profile.kept() + profile.leaked() == 0 ? "—"
                        : Math.round(100.0 * profile.kept() / (profile.kept() + profile.leaked())) + " %"),
                figure("Leaked", "%,d".formatted(profile.leaked())));
        figures.addClassName("profile-figures");

        add(header, facts, figures);
        if (CurrentUser.current().doesOutreach() && profile.kind() != NetworkPicture.Kind.FACILITY) {
            add(followUps(profile.id()));
            add(history(profile.id()));
        }
        add(chart("Referrals sent by month and service line", profile.sentByMonth(), ReportDefinition.View.BAR));
        add(chart("Referrals received by month and service line", profile.receivedByMonth(), ReportDefinition.View.BAR));
        if (!profile.keptByMonth().rows().isEmpty()) {
            add(chart("Kept share of referrals sent (%)", profile.keptByMonth(), ReportDefinition.View.LINE));
        }
        var partners = new FlexLayout(partners("Sends most to", profile.destinations()),
                partners("Receives most from", profile.sources()));
        partners.addClassName("profile-partners");
        add(partners);

        var period = network.defaultPeriod();
        network.neighbourhood(new Neighbourhood(profile.id(), 1, List.of(), period.from(), period.to(), 1,
                Neighbourhood.Direction.BOTH, java.util.Set.of(), 12, 60)).ifPresent(picture -> {
                    var graph = new ReferralNetworkGraph();
                    graph.setPicture(picture);
                    graph.addClassName("profile-graph");
                    graph.setWidthFull();
                    graph.addNodeFocusListener(e -> getUI().ifPresent(ui -> ui.navigate(NetworkView.class,
                            NetworkLink.focusOn(e.getNodeId()))));
                    add(new H3("Closest referral partners"), graph);
                });
    }

    /** Open alerts about the provider and the tasks the user may see, when there are any. */
    private Component followUps(String id) {
        var user = CurrentUser.current();
        var open = alerts.find(new Alerts.Filter(AlertStatus.OPEN, null, id), user, 20);
        var mine = tasks.find(new Tasks.Filter(null, null, id, false), user, 50);
        var section = new Div();
        section.addClassName("profile-follow-ups");
        if (open.isEmpty() && mine.isEmpty()) {
            section.setVisible(false);
            return section;
        }
        section.add(new H3("Alerts and tasks"));
        for (Alert a : open) {
            var kind = new Span(a.kind().label());
            kind.addClassName("alert-kind");
            var link = new Anchor("alerts", a.title());
            link.getElement().setAttribute("router-link", true);
            var row = new Div(link, kind);
            row.addClassName("details-line");
            section.add(row, new Paragraph(a.reason()));
        }
        for (Task t : mine) {
            var link = new Anchor("tasks", t.title());
            link.getElement().setAttribute("router-link", true);
            var row = new Div(link, new Span(t.status().label() + (t.due() == null ? "" : " · due " + t.due())
                    + " · " + t.ownerName()));
            row.addClassName("details-line");
            section.add(row);
        }
        return section;
    }

    /**
     * The interactions with the provider the user may see (a liaison their own, managers and administrators
     * the team's), newest first, with outcome and notes.
     */
    private Component history(String id) {
        var user = CurrentUser.current();
        var logged = interactions.find(new Interactions.Filter(null, null, null, null, null, null, id), user, HISTORY + 1);
        var section = new Div(new H3(user.seesTeam() ? "Interactions" : "Your interactions"));
        section.addClassName("profile-history");
        if (logged.isEmpty()) {
            section.add(new Paragraph(user.seesTeam() ? "Nobody has logged an interaction here yet."
                    : "You have not logged an interaction here yet."));
            return section;
        }
        for (var i : logged.stream().limit(HISTORY).toList()) {
            var when = new Span(DAY.format(i.date()));
            when.addClassName("profile-history-date");
            var what = new Span(i.type().label() + " · reached " + i.reached().label().toLowerCase(java.util.Locale.ROOT)
                    + (user.seesTeam() ? " · " + i.userName() : "")
                    + (i.durationMinutes() == null ? "" : " · " + i.durationMinutes() + " min"));
            var head = new Div(when, what);
            head.addClassName("details-line");
            var entry = new Div(head);
            entry.addClassName("profile-history-entry");
            if (i.outcome() != null && !i.outcome().isBlank()) {
                var outcome = new Paragraph("Outcome: " + i.outcome());
                outcome.addClassName("profile-history-outcome");
                entry.add(outcome);
            }
            if (i.notes() != null && !i.notes().isBlank()) {
                var notes = new Paragraph(i.notes());
                notes.addClassName("profile-history-notes");
                entry.add(notes);
            }
            if (i.followUpDate() != null) {
                entry.add(new Paragraph("Follow up by " + DAY.format(i.followUpDate())));
            }
            section.add(entry);
        }
        if (logged.size() > HISTORY) {
            section.add(new Paragraph("The latest " + HISTORY + " are shown; Interactions lists every one."));
        }
        return section;
    }

    private static final int HISTORY = 20;
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.US);

    private static Component fact(String label, String value) {
        var row = new Div(new Span(label), new Span(value));
        row.addClassName("details-line");
        return row;
    }

    private static Component figure(String label, String value) {
        var number = new Span(value);
        number.addClassName("profile-figure-value");
        var caption = new Span(label);
        caption.addClassName("profile-figure-label");
        var figure = new Div(number, caption);
        figure.addClassName("profile-figure");
        return figure;
    }

    private static Component chart(String heading, org.liaisonprm.report.ReportResult rows, ReportDefinition.View view) {
        var section = new Div(new H3(heading));
        section.addClassName("profile-chart");
        if (rows.rows().isEmpty()) {
            section.add(new Span("No referrals in the last 24 months."));
            return section;
        }
        var chart = new ReportChart();
        chart.setWidthFull();
        chart.show(rows, view);
        section.add(chart);
        return section;
    }

    private Component partners(String heading, List<ProviderProfile.Partner> partners) {
        var grid = new Grid<ProviderProfile.Partner>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(p -> {
            var link = new RouterLink(p.name(), ProfileView.class,
                    new com.vaadin.flow.router.RouteParameters("id", p.id()));
            return link;
        }).setHeader("Name").setFlexGrow(2);
        grid.addColumn(ProviderProfile.Partner::detail).setHeader("Specialty or type").setFlexGrow(1);
        grid.addColumn(p -> Network.labelOf(p.network())).setHeader("Network").setAutoWidth(true);
        grid.addColumn(p -> "%,d".formatted(p.referrals())).setHeader("Referrals").setAutoWidth(true);
        grid.setItems(partners);
        grid.setAllRowsVisible(true);
        var section = new Div(new H3(heading), partners.isEmpty() ? new Span("None in the last 12 months.") : grid);
        section.addClassName("profile-partner-list");
        return section;
    }
}
