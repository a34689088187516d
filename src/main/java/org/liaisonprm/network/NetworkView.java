package org.liaisonprm.network;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.liaisonprm.outreach.InteractionDialog;
import org.liaisonprm.outreach.Interactions;
import org.liaisonprm.outreach.OutreachUser;

/**
 * The referral network around one physician, practice or facility, with filters for hops, service lines,
 * months, minimum referrals, direction and network, colouring by network, health system or referral
 * community, three layouts and a PNG export. The address is a deep link that restores all of it:
 * {@code /network?focus=<id>&hops=1|2&serviceLine=...&from=YYYY-MM&to=YYYY-MM&minReferrals=N&colorBy=...}.
 */
@Route("network")
@PageTitle("Network · Liaison")
@Menu(order = 0, icon = "vaadin:cluster", title = "Network")
@PermitAll
class NetworkView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    private static final Map<String, String> NETWORK_NAMES = Map.of(
            "IN", "In network", "AFFILIATED", "Affiliated", "OUT", "Out of network");

    private static final DateTimeFormatter MONTH_PARAM = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final java.util.Set<String> FILTER_KEYS = java.util.Set.of("hops", "serviceLine", "from", "to",
            "minReferrals", "direction", "network", "colorBy", "layout");

    private final NetworkService network;
    private final ComboBox<ProviderMatch> search = new ComboBox<>();
    private final Select<Integer> hops = new Select<>();
    private final MultiSelectComboBox<String> serviceLines = new MultiSelectComboBox<>("Service lines");
    private final Select<YearMonth> fromMonth = new Select<>();
    private final Select<YearMonth> toMonth = new Select<>();
    private final IntegerField minReferrals = new IntegerField("Min. referrals");
    private final Select<String> direction = new Select<>();
    private final MultiSelectComboBox<String> networks = new MultiSelectComboBox<>("Network");
    private final Select<String> colorBy = new Select<>();
    private final Select<String> layout = new Select<>();
    private final Div filters = new Div();
    private final Details filterPanel = new Details();
    private final Span colourNote = new Span();
    private Neighbourhood request;
    private boolean applying;
    private final ReferralNetworkGraph graph = new ReferralNetworkGraph();
    private final Div details = new Div();
    private final Interactions interactions;
    private final Span summary = new Span();
    private final Div emptyState = new Div();
    private NetworkPicture picture;

    NetworkView(NetworkService network, Interactions interactions) {
        this.network = network;
        this.interactions = interactions;
        addClassName("network-view");
        setSizeFull();
        setPadding(true);

        search.setPlaceholder("Search by name, NPI, specialty or city");
        search.setItemLabelGenerator(ProviderMatch::label);
        search.setItems(query -> network.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addClassName("network-search");
        search.setWidthFull();
        search.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                focus(event.getValue().id());
            }
        });

        summary.addClassName("network-summary");
        buildFilters();
        colourNote.addClassName("legend-note");
        var legend = legend();
        legend.add(colourNote);
        var toolbar = new HorizontalLayout(search, legend);
        toolbar.setWidthFull();
        toolbar.setAlignItems(Alignment.CENTER);
        toolbar.addClassName("network-toolbar");
        toolbar.setFlexGrow(1, search);

        graph.setSizeFull();
        graph.addClassName("network-graph");
        graph.addNodeSelectListener(event -> showDetails(event.getNodeId()));
        graph.addNodeFocusListener(event -> focus(event.getNodeId()));

        details.addClassName("network-details");
        var canvas = new Div(graph, emptyState);
        canvas.addClassName("network-canvas");
        var body = new FlexLayout(canvas, details);
        body.addClassName("network-body");
        body.setSizeFull();
        body.setFlexGrow(1, canvas);

        filterPanel.setSummaryText("Filters, colours and layout");
        filterPanel.add(filters);
        filterPanel.addClassName("network-filter-panel");
        filterPanel.setWidthFull();
        add(toolbar, filterPanel, summary, body);
        setFlexGrow(1, body);
    }

    /** Hops, service lines, months, minimum, direction, network, colouring and layout; each change redraws. */
    private void buildFilters() {
        filters.addClassName("network-filters");
        hops.setLabel("Hops");
        hops.setItems(1, 2);
        hops.setId("filter-hops");
        serviceLines.setItems(java.util.Arrays.stream(org.liaisonprm.physician.ServiceLine.values())
                .map(org.liaisonprm.physician.ServiceLine::label).toList());
        serviceLines.setId("filter-service-lines");
        serviceLines.setClearButtonVisible(true);
        YearMonth last = YearMonth.from(network.defaultPeriod().to()).minusMonths(1);
        var months = new java.util.ArrayList<YearMonth>();
        for (int i = 35; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        fromMonth.setLabel("From");
        fromMonth.setItems(months);
        fromMonth.setItemLabelGenerator(MONTH::format);
        fromMonth.setId("filter-from");
        toMonth.setLabel("Through");
        toMonth.setItems(months);
        toMonth.setItemLabelGenerator(MONTH::format);
        toMonth.setId("filter-to");
        minReferrals.setMin(1);
        minReferrals.setStepButtonsVisible(true);
        minReferrals.setId("filter-min-referrals");
        direction.setLabel("Direction");
        direction.setItems("both", "out", "in");
        direction.setItemLabelGenerator(d -> switch (d) {
            case "out" -> "Sent";
            case "in" -> "Received";
            default -> "Sent and received";
        });
        direction.setId("filter-direction");
        networks.setItems("IN", "AFFILIATED", "OUT");
        networks.setItemLabelGenerator(n -> NETWORK_NAMES.getOrDefault(n, n));
        networks.setId("filter-network");
        colorBy.setLabel("Colour by");
        colorBy.setItems("network", "system", "community");
        colorBy.setItemLabelGenerator(c -> switch (c) {
            case "system" -> "Health system";
            case "community" -> "Referral community";
            default -> "Network";
        });
        colorBy.setId("filter-color-by");
        layout.setLabel("Layout");
        layout.setItems("concentric", "force", "hierarchy");
        layout.setItemLabelGenerator(l -> switch (l) {
            case "force" -> "Force-directed";
            case "hierarchy" -> "Hierarchy";
            default -> "Rings by volume";
        });
        layout.setId("filter-layout");
        var export = new Button("PNG", VaadinIcon.DOWNLOAD.create(), click -> {
            if (picture != null) {
                graph.exportPng("network-" + picture.focusId() + ".png");
            }
        });
        export.addClassName("network-export");
        export.setTooltipText("Download the picture as a PNG image");
        filters.add(hops, serviceLines, fromMonth, toMonth, minReferrals, direction, networks, colorBy, layout, export);
        for (var field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(hops, serviceLines, fromMonth, toMonth,
                minReferrals, direction, networks, colorBy, layout)) {
            field.addValueChangeListener(event -> {
                if (!applying && event.isFromClient()) {
                    navigateToFilters();
                }
            });
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        Optional<String> focus = query.getSingleParameter("focus");
        if (focus.isEmpty() || focus.get().isBlank()) {
            filterPanel.setVisible(false);
            showWelcome();
            return;
        }
        String color = query.getSingleParameter("colorBy").orElse("network");
        try {
            request = NetworkApi.request(network.defaultPeriod(), focus.get().strip(),
                    Integer.parseInt(query.getSingleParameter("hops").orElse("1")),
                    query.getParameters().getOrDefault("serviceLine", List.of()),
                    query.getSingleParameter("from").orElse(null), query.getSingleParameter("to").orElse(null),
                    Long.parseLong(query.getSingleParameter("minReferrals").orElse("1")),
                    query.getSingleParameter("direction").orElse("both"),
                    query.getParameters().getOrDefault("network", List.of()),
                    Neighbourhood.DEFAULT_PER_NODE, Neighbourhood.DEFAULT_CAP, "community".equals(color));
        } catch (IllegalArgumentException e) {
            Notification.show("The link does not fit: " + e.getMessage() + ". Showing the defaults.")
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            request = Neighbourhood.around(focus.get().strip(), network.defaultPeriod().from(),
                    network.defaultPeriod().to());
        }
        applying = true;
        hops.setValue(request.hops());
        serviceLines.setValue(new java.util.LinkedHashSet<>(request.serviceLines()));
        fromMonth.setValue(YearMonth.from(request.from()));
        toMonth.setValue(YearMonth.from(request.to()).minusMonths(1));
        minReferrals.setValue((int) request.minReferrals());
        direction.setValue(request.direction().name().toLowerCase(Locale.ROOT));
        networks.setValue(new java.util.LinkedHashSet<>(request.networks()));
        colorBy.setValue(List.of("network", "system", "community").contains(color) ? color : "network");
        layout.setValue(query.getSingleParameter("layout").filter(List.of("concentric", "force", "hierarchy")::contains)
                .orElse("concentric"));
        applying = false;
        filterPanel.setVisible(true);
        // open when the link sets filters; a plain focus link keeps the picture large (and phones uncluttered)
        filterPanel.setOpened(query.getParameters().keySet().stream().anyMatch(FILTER_KEYS::contains));
        colourNote.setText(switch (colorBy.getValue()) {
            case "system" -> "Colours: one per health system, grey for independents";
            case "community" -> "Colours: one per referral community (Louvain over the flows drawn)";
            default -> "";
        });
        graph.setColorBy(colorBy.getValue());
        graph.setLayout(layout.getValue());
        draw(request.focus());
    }

    /** The deep link of what the filters show: {@code /network?focus=…&hops=…&serviceLine=…&from=…}. */
    private QueryParameters filterParameters(String focusId) {
        var parameters = new java.util.LinkedHashMap<String, List<String>>();
        parameters.put("focus", List.of(focusId));
        parameters.put("hops", List.of(String.valueOf(hops.getValue() == null ? 1 : hops.getValue())));
        if (!serviceLines.getValue().isEmpty()) {
            parameters.put("serviceLine", List.of(String.join(",", serviceLines.getValue())));
        }
        if (fromMonth.getValue() != null) {
            parameters.put("from", List.of(MONTH_PARAM.format(fromMonth.getValue())));
        }
        if (toMonth.getValue() != null) {
            parameters.put("to", List.of(MONTH_PARAM.format(toMonth.getValue())));
        }
        if (minReferrals.getValue() != null && minReferrals.getValue() > 1) {
            parameters.put("minReferrals", List.of(String.valueOf(minReferrals.getValue())));
        }
        if (direction.getValue() != null && !"both".equals(direction.getValue())) {
            parameters.put("direction", List.of(direction.getValue()));
        }
        if (!networks.getValue().isEmpty()) {
            parameters.put("network", List.of(String.join(",", networks.getValue())));
        }
        if (colorBy.getValue() != null && !"network".equals(colorBy.getValue())) {
            parameters.put("colorBy", List.of(colorBy.getValue()));
        }
        if (layout.getValue() != null && !"concentric".equals(layout.getValue())) {
            parameters.put("layout", List.of(layout.getValue()));
        }
        return new QueryParameters(parameters);
    }

    private void navigateToFilters() {
        if (request != null) {
            getUI().ifPresent(ui -> ui.navigate(NetworkView.class, filterParameters(request.focus())));
        }
    }

    /** Moves the focus, keeping the filters. */
    private void focus(String id) {
        getUI().ifPresent(ui -> ui.navigate(NetworkView.class,
                request == null ? QueryParameters.of("focus", id) : filterParameters(id)));
    }

    private void draw(String focusId) {
        Optional<NetworkPicture> found = network.neighbourhood(request.withFocus(focusId));
        if (found.isEmpty()) {
            var notice = Notification.show("No physician, practice or facility has the id " + focusId);
            notice.addThemeVariants(NotificationVariant.LUMO_WARNING);
            filterPanel.setVisible(false);
            showWelcome();
            return;
        }
        picture = found.get();
        graph.setPicture(picture);
        graph.setVisible(true);
        emptyState.setVisible(false);
        var focus = picture.nodes().get(0);
        long referrals = picture.edges().stream().filter(e -> "REFERRED".equals(e.type()))
                .mapToLong(NetworkPicture.Edge::referrals).sum();
        summary.setText("%s · %d nodes, %d referral flows (%,d referrals) · %s – %s%s".formatted(
                focus.name(), picture.nodes().size(), picture.edges().size(), referrals,
                MONTH.format(picture.from()), MONTH.format(picture.to().minusDays(1)),
                picture.truncated() ? " · some quieter partners are left out (the busiest "
                        + request.perNode() + " per node, " + request.maxNodes() + " nodes at most)" : ""));
        showDetails(focusId);
    }

    private void showWelcome() {
        picture = null;
        graph.setPicture(NetworkPicture.empty(null, null));
        graph.setVisible(false);
        summary.setText("");
        details.removeAll();
        emptyState.removeAll();
        emptyState.addClassName("network-empty");
        emptyState.add(new H2("Explore the referral network"),
                new Paragraph("Search for a physician, practice or facility above to draw who refers to whom. "
                        + "Blue is in network, amber affiliated, grey out of network; red dashed lines are "
                        + "referrals leaking out of network."));
        List<NetworkPicture.Node> top = network.topReferrers(network.defaultPeriod(), 6);
        if (top.isEmpty()) {
            emptyState.add(new Paragraph("The graph holds no referrals yet. Import data or enable the demo region."));
        } else {
            emptyState.add(new H3("Busiest in-network referrers"));
            var list = new Div();
            list.addClassName("network-suggestions");
            for (var node : top) {
                var button = new Button("%s · %s · %,d referrals".formatted(node.name(),
                        Optional.ofNullable(node.detail()).orElse(""), node.volume()), click -> focus(node.id()));
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                list.add(button);
            }
            emptyState.add(list);
        }
        emptyState.setVisible(true);
    }

    private void showDetails(String nodeId) {
        details.removeAll();
        if (picture == null || nodeId == null) {
            return;
        }
        picture.nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst().ifPresent(node -> {
            var name = new H3(node.name());
            name.addClassName("details-name");
            details.add(name);
            details.add(line("Kind", switch (node.kind()) {
                case PHYSICIAN -> "Physician";
                case PRACTICE -> "Practice";
                case FACILITY -> "Facility";
            }));
            details.add(line(node.kind() == NetworkPicture.Kind.PHYSICIAN ? "Specialty" : "Type", node.detail()));
            details.add(line("Id", node.id()));
            details.add(line("City", node.city()));
            details.add(line("Network", NETWORK_NAMES.getOrDefault(node.network(), node.network())));
            details.add(line("Health system", node.healthSystem()));
            var profile = new Button("Open profile", VaadinIcon.USER_CARD.create(), click -> getUI().ifPresent(ui ->
                    ui.navigate(ProfileView.path(node.kind(), node.id()))));
            profile.addThemeVariants(ButtonVariant.LUMO_SMALL);
            profile.addClassName("details-profile");
            details.add(profile);
            if (node.kind() != NetworkPicture.Kind.FACILITY) {
                details.add(line("Last interaction", interactions.lastContact(node.id()).map(Object::toString).orElse("none")));
                if (OutreachUser.current().doesOutreach()) {
                    var log = new Button("Log interaction", VaadinIcon.COMMENT_ELLIPSIS_O.create(), click ->
                            new InteractionDialog(interactions, node.id(), node.name(), null, saved -> showDetails(node.id())).open());
                    log.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    log.addClassName("details-log");
                    details.add(log);
                }
            }
            if (!node.id().equals(picture.focusId())) {
                details.add(line("Referrals with focus", "%,d".formatted(node.volume())));
                var refocus = new Button("Focus here", VaadinIcon.CROSSHAIRS.create(), click -> focus(node.id()));
                refocus.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                details.add(refocus);
            }
        });
    }

    private static Component line(String label, String value) {
        var row = new Div(new Span(label), new Span(value == null || value.isBlank() ? "—" : value));
        row.addClassName("details-line");
        return row;
    }

    private static HorizontalLayout legend() {
        var legend = new HorizontalLayout();
        legend.addClassName("network-legend");
        legend.setSpacing(false);
        legend.add(swatch("in", "In network"), swatch("affiliated", "Affiliated"), swatch("out", "Out of network"),
                swatch("leak", "Leaking referral"));
        var shapes = new Span("● physician  ▢ practice  ⬡ facility");
        shapes.addClassName("legend-shapes");
        legend.add(shapes);
        return legend;
    }

    private static Component swatch(String kind, String text) {
        var dot = new Span();
        dot.addClassNames("legend-swatch", "legend-" + kind);
        var item = new Span(dot, new Span(text));
        item.addClassName("legend-item");
        return item;
    }
}
