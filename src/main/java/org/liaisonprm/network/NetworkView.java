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
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.ReferralNetworkGraph;
import org.liaisonprm.outreach.InfluenceScores;
import org.liaisonprm.outreach.InteractionDialog;
import org.liaisonprm.outreach.Interactions;
import org.liaisonprm.physician.ProviderMatch;
import org.liaisonprm.physician.ProviderSearch;
import org.liaisonprm.report.ReportDefinition;
import org.liaisonprm.report.ReportLibrary;

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
    private static final java.util.Set<String> FILTER_KEYS = java.util.Set.of("hops", "serviceLine", "from", "to", "sizeBy", "highlight",
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
    private final Select<String> sizeBy = new Select<>();
    private final Select<String> highlight = new Select<>();
    private final com.vaadin.flow.component.html.RangeInput slider = new com.vaadin.flow.component.html.RangeInput();
    private final Span sliderLabel = new Span();
    private final java.util.List<YearMonth> months = new java.util.ArrayList<>();
    /** What the filters drew, before expansions and hiding; what each expanded node added; what was hidden. */
    private NetworkPicture base;
    private final java.util.Map<String, java.util.Set<String>> expansions = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> hidden = new java.util.LinkedHashSet<>();
    private final InfluenceScores influence;
    private final ReportLibrary reports;
    private String highlightKey;
    private List<List<String>> highlightPaths = List.of();
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

    NetworkView(NetworkService network, ProviderSearch providers, Interactions interactions, InfluenceScores influence,
                ReportLibrary reports) {
        this.network = network;
        this.interactions = interactions;
        this.influence = influence;
        this.reports = reports;
        addClassName("network-view");
        setSizeFull();
        setPadding(true);

        search.setPlaceholder("Search by name, NPI, specialty or city");
        search.setItemLabelGenerator(ProviderMatch::label);
        search.setItems(query -> providers.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
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
        graph.addNodeActionListener(event -> act(event.getNodeId(), event.getAction()));

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
        months.clear();
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
        sizeBy.setLabel("Size by");
        sizeBy.setItems("volume", "influence");
        sizeBy.setItemLabelGenerator(v -> "influence".equals(v) ? "Influence (PageRank)" : "Referral volume");
        sizeBy.setId("filter-size-by");
        highlight.setLabel("Highlight");
        highlight.setItems("", "chain-leakage-paths", "influential-referrers", "referral-brokers", "top-leaking-physicians",
                "lost-referrers");
        highlight.setItemLabelGenerator(id -> id.isEmpty() ? "Nothing" : reports.find(id, CurrentUser.current())
                .map(ReportDefinition::title).orElse(id));
        highlight.setId("filter-highlight");
        // the time slicer: slides the chosen window of months along the data, the picture following it
        slider.setMin(0);
        slider.setMax(months.size() - 1);
        slider.setStep(1.0);
        slider.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        slider.setValueChangeTimeout(350);
        slider.setId("filter-slider");
        slider.setAriaLabel("Slide the months shown");
        slider.addValueChangeListener(event -> {
            if (!applying && event.isFromClient() && fromMonth.getValue() != null && toMonth.getValue() != null) {
                long span = java.time.temporal.ChronoUnit.MONTHS.between(fromMonth.getValue(), toMonth.getValue());
                YearMonth end = months.get((int) Math.round(event.getValue()));
                YearMonth start = end.minusMonths(span);
                applying = true;
                toMonth.setValue(end);
                fromMonth.setValue(start.isBefore(months.get(0)) ? months.get(0) : start);
                applying = false;
                navigateToFilters();
            }
        });
        sliderLabel.addClassName("network-slider-label");
        var slicer = new Div(sliderLabel, slider);
        slicer.addClassName("network-slicer");
        var export = new Button("PNG", VaadinIcon.DOWNLOAD.create(), click -> {
            if (picture != null) {
                graph.exportPng("network-" + picture.focusId() + ".png");
            }
        });
        export.addClassName("network-export");
        export.setTooltipText("Download the picture as a PNG image");
        filters.add(hops, serviceLines, fromMonth, toMonth, minReferrals, direction, networks, colorBy, layout, sizeBy,
                highlight, export, slicer);
        for (var field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(hops, serviceLines, fromMonth, toMonth,
                minReferrals, direction, networks, colorBy, layout, sizeBy, highlight)) {
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
        sizeBy.setValue(query.getSingleParameter("sizeBy").filter("influence"::equals).orElse("volume"));
        highlight.setValue(query.getSingleParameter("highlight").filter(h -> highlight.getListDataView().contains(h)).orElse(""));
        int end = months.indexOf(toMonth.getValue());
        slider.setValue((double) (end < 0 ? months.size() - 1 : end));
        sliderLabel.setText("Months " + MONTH.format(fromMonth.getValue()) + " – " + MONTH.format(toMonth.getValue())
                + " (slide to move them)");
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
        graph.setSizeBy(sizeBy.getValue());
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
        if ("influence".equals(sizeBy.getValue())) {
            parameters.put("sizeBy", List.of("influence"));
        }
        if (highlight.getValue() != null && !highlight.getValue().isEmpty()) {
            parameters.put("highlight", List.of(highlight.getValue()));
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
        base = found.get();
        expansions.clear();
        hidden.clear();
        show(base, false);
        showDetails(focusId);
    }

    /** Draws a picture (the filters', or one grown or pruned from it) with its sizes and highlights. */
    private void show(NetworkPicture shown, boolean incremental) {
        picture = shown;
        if ("influence".equals(sizeBy.getValue())) {
            var all = influence.percentiles(picture.from(), picture.to());
            var percentiles = new java.util.HashMap<String, Double>();
            picture.nodes().forEach(n -> percentiles.put(n.id(), all.getOrDefault(n.id(), 0.0)));
            graph.setInfluence(percentiles);
        }
        highlightReport();
        graph.setIncremental(incremental);
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
                        + request.perNode() + " per node, " + request.maxNodes() + " nodes at most)" : "")
                + (expansions.isEmpty() ? "" : " · expanded " + expansions.size())
                + (hidden.isEmpty() ? "" : " · " + hidden.size() + " hidden"));
    }

    /** A node menu's action: grow the picture around a node, take that back, hide a node, refocus, open a profile. */
    private void act(String id, String action) {
        if (picture == null || id == null) {
            return;
        }
        switch (action) {
            case "expand" -> expand(id);
            case "collapse" -> {
                var added = expansions.remove(id);
                if (added != null) {
                    var stillAdded = new java.util.HashSet<String>();
                    expansions.values().forEach(stillAdded::addAll);
                    added.removeAll(stillAdded);
                    show(without(picture, added), true);
                }
            }
            case "hide" -> {
                if (!id.equals(picture.focusId())) {
                    hidden.add(id);
                    show(without(picture, java.util.Set.of(id)), true);
                    details.removeAll();
                }
            }
            case "focus" -> focus(id);
            case "profile" -> picture.nodes().stream().filter(n -> n.id().equals(id)).findFirst().ifPresent(n ->
                    getUI().ifPresent(ui -> ui.navigate(ProfileView.path(n.kind(), n.id()))));
            default -> {
                // unknown actions are ignored
            }
        }
    }

    /** Adds a node's own neighbourhood (one hop, the same filters) to the picture, up to the hard cap. */
    private void expand(String id) {
        var around = network.neighbourhood(request.withFocus(id).withHops(1));
        if (around.isEmpty()) {
            return;
        }
        var nodes = new java.util.ArrayList<>(picture.nodes());
        var present = new java.util.HashSet<String>();
        nodes.forEach(n -> present.add(n.id()));
        var added = new java.util.LinkedHashSet<String>();
        boolean truncated = picture.truncated() || around.get().truncated();
        for (var node : around.get().nodes()) {
            if (present.contains(node.id()) || hidden.contains(node.id())) {
                continue;
            }
            if (nodes.size() >= Neighbourhood.HARD_CAP) {
                truncated = true;
                break;
            }
            nodes.add(node);
            present.add(node.id());
            added.add(node.id());
        }
        var edges = new java.util.ArrayList<>(picture.edges());
        var keys = new java.util.HashSet<String>();
        edges.forEach(e -> keys.add(e.source() + "|" + e.target() + "|" + e.type()));
        for (var edge : around.get().edges()) {
            if (present.contains(edge.source()) && present.contains(edge.target())
                    && keys.add(edge.source() + "|" + edge.target() + "|" + edge.type())) {
                edges.add(edge);
            }
        }
        expansions.computeIfAbsent(id, k -> new java.util.LinkedHashSet<>()).addAll(added);
        var communities = picture.communities();
        show(new NetworkPicture(picture.focusId(), picture.from(), picture.to(), nodes, edges, truncated, communities), true);
        Notification.show(added.isEmpty() ? "Nothing new around it with these filters"
                : added.size() + " more around it", 2500, Notification.Position.BOTTOM_START);
    }

    private static NetworkPicture without(NetworkPicture picture, java.util.Set<String> ids) {
        return new NetworkPicture(picture.focusId(), picture.from(), picture.to(),
                picture.nodes().stream().filter(n -> !ids.contains(n.id())).toList(),
                picture.edges().stream().filter(e -> !ids.contains(e.source()) && !ids.contains(e.target())).toList(),
                picture.truncated(), picture.communities());
    }

    /**
     * Runs the chosen report over the picture's months and marks what it finds among the drawn nodes: each
     * row's nodes (and the flows between consecutive ones) or its physician.
     */
    private void highlightReport() {
        String id = highlight.getValue();
        if (id == null || id.isEmpty()) {
            graph.setHighlight(List.of(), List.of());
            return;
        }
        var user = CurrentUser.current();
        var report = reports.find(id, user);
        if (report.isEmpty()) {
            graph.setHighlight(List.of(), List.of());
            return;
        }
        var parameters = new java.util.HashMap<String, Object>();
        for (var parameter : report.get().parameters()) {
            if (parameter.name().equals("from")) {
                parameters.put("from", picture.from().toString());
            } else if (parameter.name().equals("to")) {
                parameters.put("to", picture.to().toString());
            }
        }
        var drawn = new java.util.HashSet<String>();
        picture.nodes().forEach(n -> drawn.add(n.id()));
        var nodes = new java.util.LinkedHashSet<String>();
        var edges = new java.util.ArrayList<List<String>>();
        // an expansion or a hide keeps the months: the report's paths are read once per report and months
        String key = id + " " + parameters;
        if (!key.equals(highlightKey)) {
            var result = reports.run(report.get(), parameters);
            highlightPaths = new java.util.ArrayList<>();
            for (var row : result.rows()) {
                var path = new java.util.ArrayList<String>();
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    String column = result.columns().get(i);
                    if (value instanceof java.util.Map<?, ?> map && "node".equals(map.get("_type"))) {
                        path.add(String.valueOf(map.get("_id")));
                    } else if (value instanceof String text && (column.equals("physicianId") || column.equals("id"))) {
                        path.add(text);
                    }
                }
                highlightPaths.add(path);
            }
            highlightKey = key;
        }
        for (var path : highlightPaths) {
            path.stream().filter(drawn::contains).forEach(nodes::add);
            for (int i = 1; i < path.size(); i++) {
                if (drawn.contains(path.get(i - 1)) && drawn.contains(path.get(i))) {
                    edges.add(List.of(path.get(i - 1), path.get(i)));
                }
            }
        }
        graph.setHighlight(nodes, edges);
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
                if (CurrentUser.current().doesOutreach()) {
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
