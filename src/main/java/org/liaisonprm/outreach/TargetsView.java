package org.liaisonprm.outreach;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.physician.ServiceLine;

/**
 * Targets: a territory's physicians ranked by opportunity score, each row explaining its score; filters by
 * service line and segment; add to this week's plan or log an interaction in one click.
 * {@code /targets?territory=<id>&serviceLine=...&segment=...}.
 */
@Route("targets")
@PageTitle("Targets · Liaison")
@Menu(order = 0.2, icon = "vaadin:crosshairs", title = "Targets")
@RolesAllowed({"ADMIN", "MANAGER", "LIAISON"})
class TargetsView extends VerticalLayout implements BeforeEnterObserver {

    private static final int COMPACT_WIDTH = 760;

    private final Territories territories;
    private final Targets targets;
    private final VisitPlans plans;
    private final Interactions interactions;
    private final Select<Territory> territory = new Select<>();
    private final Select<String> serviceLine = new Select<>();
    private final Select<Segment> segment = new Select<>();
    private final Grid<Target> grid = new Grid<>();
    private final Span summary = new Span();
    private final Div empty = new Div();
    private final Set<String> planned = new HashSet<>();
    private final List<Grid.Column<Target>> wide = new java.util.ArrayList<>();
    private final Grid.Column<Target> compact;

    TargetsView(Territories territories, Targets targets, VisitPlans plans, Interactions interactions) {
        this.territories = territories;
        this.targets = targets;
        this.plans = plans;
        this.interactions = interactions;
        addClassName("targets-view");
        setSizeFull();

        territory.setLabel("Territory");
        territory.setItemLabelGenerator(t -> t.name() + " (" + t.physicians() + ")");
        territory.addClassName("targets-territory");
        serviceLine.setLabel("Service line");
        serviceLine.setEmptySelectionAllowed(true);
        serviceLine.setEmptySelectionCaption("All service lines");
        serviceLine.setItems(java.util.Arrays.stream(ServiceLine.values()).map(ServiceLine::label).toList());
        segment.setLabel("Segment");
        segment.setEmptySelectionAllowed(true);
        segment.setEmptySelectionCaption("All segments");
        segment.setItems(Segment.values());
        segment.setItemLabelGenerator(s -> s == null ? "All segments" : s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT));
        territory.addValueChangeListener(e -> refresh());
        serviceLine.addValueChangeListener(e -> refresh());
        segment.addValueChangeListener(e -> refresh());
        summary.addClassName("report-summary");
        var filters = new HorizontalLayout(territory, serviceLine, segment, summary);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("targets-filters");

        var money = NumberFormat.getCurrencyInstance(Locale.US);
        money.setMaximumFractionDigits(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        wide.add(grid.addComponentColumn(t -> {
            var score = new Span(String.format(Locale.US, "%.0f", t.score()));
            score.addClassName("target-score");
            return score;
        }).setHeader("Score").setWidth("5rem").setFlexGrow(0).setSortable(true)
                .setComparator(Target::score));
        wide.add(grid.addComponentColumn(this::name).setHeader("Physician").setFlexGrow(2));
        wide.add(grid.addComponentColumn(t -> badge(t.segment())).setHeader("Segment").setAutoWidth(true).setFlexGrow(0));
        wide.add(grid.addColumn(t -> leaked(t, money))
                .setHeader("Leaked (12 mo)").setAutoWidth(true).setFlexGrow(0).setComparator(Target::leakedRevenue));
        wide.add(grid.addColumn(TargetsView::lastContact).setHeader("Last contact").setAutoWidth(true).setFlexGrow(0));
        wide.add(grid.addComponentColumn(t -> {
            var why = new Span(t.explanation());
            why.addClassName("target-why");
            return why;
        }).setHeader("Why this score").setFlexGrow(3));
        wide.add(grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0));
        // on a phone: one card per physician
        compact = grid.addComponentColumn(t -> {
            var score = new Span(String.format(Locale.US, "%.0f", t.score()));
            score.addClassName("target-score");
            var head = new Div(score, name(t), badge(t.segment()));
            head.addClassName("target-card-head");
            var facts = new Span(leaked(t, money) + " leaked · last contact " + lastContact(t));
            facts.addClassName("target-detail");
            var why = new Span(t.explanation());
            why.addClassName("target-why");
            var card = new Div(head, facts, why, actions(t));
            card.addClassName("target-card");
            return card;
        }).setHeader("Targets by score");
        compact.setVisible(false);
        grid.setSizeFull();
        grid.addClassName("targets-grid");

        empty.addClassName("targets-empty");
        add(filters, empty, grid);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        var page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> compact(details.getWindowInnerWidth() < COMPACT_WIDTH));
        page.addBrowserWindowResizeListener(resize -> compact(resize.getWidth() < COMPACT_WIDTH));
    }

    private void compact(boolean narrow) {
        wide.forEach(c -> c.setVisible(!narrow));
        compact.setVisible(narrow);
    }

    private Div name(Target t) {
        var link = new Anchor("physicians/" + t.physicianId(), t.name() == null ? t.physicianId() : t.name());
        link.getElement().setAttribute("router-link", true);
        var detail = new Span(String.join(" · ", nonNull(t.specialty(), t.practice(), t.city())));
        detail.addClassName("target-detail");
        var cell = new Div(link, detail);
        cell.addClassName("target-name");
        return cell;
    }

    private HorizontalLayout actions(Target t) {
        var add = new Button(planned.contains(t.physicianId()) ? "Planned" : "Add to plan", VaadinIcon.CALENDAR.create());
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.addClassName("target-add");
        add.setEnabled(!planned.contains(t.physicianId()));
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        remove.addClassName("target-remove");
        remove.setAriaLabel("Take " + t.name() + " off this week's plan");
        remove.setTooltipText("Take off this week's plan");
        remove.setVisible(planned.contains(t.physicianId()));
        add.addClickListener(click -> addToPlan(t, add, remove));
        remove.addClickListener(click -> removeFromPlan(t, add, remove));
        var log = new Button("Log", VaadinIcon.COMMENT_ELLIPSIS_O.create(), click ->
                new InteractionDialog(interactions, t.physicianId(), t.name(), null, saved -> refresh()).open());
        log.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        log.addClassName("target-log");
        var actions = new HorizontalLayout(add, remove, log);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        return actions;
    }

    private static String leaked(Target t, NumberFormat money) {
        return t.leaked() == 0 ? "–" : t.leaked() + " · " + money.format(t.leakedRevenue());
    }

    private static String lastContact(Target t) {
        return t.lastContact() == null ? "never" : t.daysSinceContact() + " days ago";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = CurrentUser.current();
        List<Territory> visible = territories.visibleTo(user);
        territory.setItems(visible);
        var query = event.getLocation().getQueryParameters();
        String wanted = query.getSingleParameter("territory").orElse(null);
        serviceLine.setValue(query.getSingleParameter("serviceLine").orElse(null));
        query.getSingleParameter("segment").ifPresent(s -> {
            try {
                segment.setValue(Segment.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // an unknown segment in a link shows all
            }
        });
        var plan = plans.planFor(user, LocalDate.now());
        planned.clear();
        plan.stops().forEach(s -> planned.add(s.targetId()));
        if (visible.isEmpty()) {
            empty.removeAll();
            empty.add(new Paragraph(user.seesTeam() ? "There are no territories yet. Create one on Territories."
                    : "You cover no territory yet. An administrator or manager assigns territories on Users or Territories."));
            empty.setVisible(true);
            grid.setVisible(false);
            return;
        }
        empty.setVisible(false);
        grid.setVisible(true);
        territory.setValue(visible.stream().filter(t -> t.id().equals(wanted)).findFirst().orElse(visible.get(0)));
    }

    private void refresh() {
        Territory t = territory.getValue();
        if (t == null) {
            return;
        }
        var ranked = targets.forTerritory(t.id(), new Targets.Filter(serviceLine.getValue(), segment.getValue(), 500),
                CurrentUser.current());
        grid.setItems(ranked);
        var window = targets.window();
        summary.setText(ranked.size() + " physicians · referrals " + window.from() + " to " + window.to().minusDays(1));
        var parameters = new java.util.LinkedHashMap<String, String>();
        parameters.put("territory", t.id());
        if (serviceLine.getValue() != null) {
            parameters.put("serviceLine", serviceLine.getValue());
        }
        if (segment.getValue() != null) {
            parameters.put("segment", segment.getValue().name());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("targets", QueryParameters.simple(parameters))));
    }

    private void addToPlan(Target target, Button button, Button remove) {
        var user = CurrentUser.current();
        try {
            var plan = plans.planFor(user, LocalDate.now());
            plan = plans.addStops(plan.id(), List.of(target.physicianId()), user);
            planned.add(target.physicianId());
            button.setText("Planned");
            button.setEnabled(false);
            remove.setVisible(true);
            Notification.show(target.name() + " added: " + plan.stops().size() + " visits this week", 2500,
                    Notification.Position.BOTTOM_START);
        } catch (OutreachException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
        }
    }

    /** Takes a target off this week's plan; a stop already visited stays, with its interaction. */
    private void removeFromPlan(Target target, Button add, Button remove) {
        var user = CurrentUser.current();
        var plan = plans.planFor(user, LocalDate.now());
        boolean visited = plan.stops().stream().anyMatch(s -> s.targetId().equals(target.physicianId()) && s.done());
        if (visited) {
            Notification.show(target.name() + " was visited this week, so the stop stays on the plan", 4000,
                    Notification.Position.MIDDLE);
            return;
        }
        plan = plans.removeStop(plan.id(), target.physicianId(), user);
        planned.remove(target.physicianId());
        add.setText("Add to plan");
        add.setEnabled(true);
        remove.setVisible(false);
        Notification.show(target.name() + " taken off: " + plan.stops().size() + " visits this week", 2500,
                Notification.Position.BOTTOM_START);
    }

    static Span badge(Segment segment) {
        var badge = new Span(segment.label());
        badge.getElement().setAttribute("title", segment.description());
        badge.getElement().getThemeList().add("badge");
        badge.addClassNames("segment-badge", "segment-" + segment.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private static List<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }
}
