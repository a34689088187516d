package org.liaisonprm.network;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.liaisonprm.base.Network;
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
    private final Select<Grouping> grouping = new Select<>();
    /** Keys of the groups drawn as their members. */
    private final java.util.LinkedHashSet<String> openGroups = new java.util.LinkedHashSet<>();
    private final com.vaadin.flow.component.tabs.Tab graphTab = new com.vaadin.flow.component.tabs.Tab("Network");
    private final com.vaadin.flow.component.tabs.Tab flowTab = new com.vaadin.flow.component.tabs.Tab("Leakage flow");
    private final com.vaadin.flow.component.tabs.Tabs views = new com.vaadin.flow.component.tabs.Tabs(graphTab, flowTab);
    private final LeakageFlowChart flowChart = new LeakageFlowChart();
    private final Div flowSummary = new Div();
    private final Div bandNote = new Div();
    /** The flow view's band the graph is narrowed to (source and target side), or null for the whole picture. */
    private List<String> band;
    /** The flow view of the whole picture last shown. */
    private LeakageFlows shownFlows;
    private final com.vaadin.flow.component.html.RangeInput slider = new com.vaadin.flow.component.html.RangeInput();
    private final Span sliderLabel = new Span();
    private final java.util.List<YearMonth> months = new java.util.ArrayList<>();
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
    /** What the filters drew, grown and pruned in place; null while nothing is drawn. */
    private ExploredPicture explored;
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

        flowChart.setSizeFull();
        flowChart.addClassName("network-flow");
        flowChart.addBandSelectListener(event -> narrowToBand(event.source(), event.target()));
        flowSummary.addClassName("network-flow-summary");
        bandNote.addClassName("network-band-note");
        bandNote.setVisible(false);
        views.addClassName("network-views");
        views.addSelectedChangeListener(event -> {
            if (event.isFromClient()) {
                showView(event.getSelectedTab() == flowTab ? "flow" : "graph");
                replaceAddress();
            }
        });

        details.addClassName("network-details");
        var canvas = new Div(graph, flowChart, emptyState);
        canvas.addClassName("network-canvas");
        var body = new FlexLayout(canvas, details);
        body.addClassName("network-body");
        body.setSizeFull();
        body.setFlexGrow(1, canvas);

        filterPanel.setSummaryText("Filters, colours and layout");
        filterPanel.add(filters);
        filterPanel.addClassName("network-filter-panel");
        filterPanel.setWidthFull();
        add(toolbar, filterPanel, summary, views, flowSummary, bandNote, body);
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
        networks.setItemLabelGenerator(Network::labelOf);
        networks.setId("filter-network");
        colorBy.setLabel("Colour by");
        colorBy.setItems(NetworkLink.COLOURINGS);
        colorBy.setItemLabelGenerator(c -> switch (c) {
            case "system" -> "Health system";
            case "community" -> "Referral community";
            default -> "Network";
        });
        colorBy.setId("filter-color-by");
        layout.setLabel("Layout");
        layout.setItems(NetworkLink.LAYOUTS);
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
        highlight.setItems(NetworkLink.HIGHLIGHTS);
        highlight.setItemLabelGenerator(id -> id.isEmpty() ? "Nothing" : reports.find(id, CurrentUser.current())
                .map(ReportDefinition::title).orElse(id));
        highlight.setId("filter-highlight");
        grouping.setLabel("Group beyond the first hop");
        grouping.setItems(Grouping.values());
        grouping.setItemLabelGenerator(Grouping::label);
        grouping.setId("filter-group");
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
        filters.add(hops, grouping, serviceLines, fromMonth, toMonth, minReferrals, direction, networks, colorBy, layout,
                sizeBy, highlight, export, slicer);
        for (var field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(hops, serviceLines, fromMonth, toMonth,
                minReferrals, direction, networks, colorBy, layout, sizeBy, highlight, grouping)) {
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
        Optional<NetworkLink.Read> read = NetworkLink.parse(query, network.defaultPeriod());
        if (read.isEmpty()) {
            filterPanel.setVisible(false);
            showWelcome();
            return;
        }
        read.get().problem().ifPresent(problem -> Notification.show("The link does not fit: " + problem
                + ". Showing the defaults.").addThemeVariants(NotificationVariant.LUMO_WARNING));
        request = read.get().request();
        var link = read.get().link();
        applying = true;
        hops.setValue(link.hops());
        serviceLines.setValue(new java.util.LinkedHashSet<>(link.serviceLines()));
        fromMonth.setValue(link.from());
        toMonth.setValue(link.through());
        minReferrals.setValue((int) link.minReferrals());
        direction.setValue(link.direction());
        networks.setValue(new java.util.LinkedHashSet<>(link.networks()));
        colorBy.setValue(link.colorBy());
        layout.setValue(link.layout());
        sizeBy.setValue(link.sizeBy());
        highlight.setValue(link.highlight());
        grouping.setValue(link.group());
        openGroups.clear();
        openGroups.addAll(link.open());
        band = null;
        int end = months.indexOf(toMonth.getValue());
        slider.setValue((double) (end < 0 ? months.size() - 1 : end));
        sliderLabel.setText("Months " + MONTH.format(fromMonth.getValue()) + " – " + MONTH.format(toMonth.getValue())
                + " (slide to move them)");
        applying = false;
        // the panel starts closed, so that the picture is large (and phones uncluttered), and stays as the user
        // left it while filters change; its summary says what the link set
        filterPanel.setVisible(true);
        filterPanel.setSummaryText(read.get().setsFilters() ? "Filters, colours and layout · " + active(link)
                : "Filters, colours and layout");
        colourNote.setText(switch (colorBy.getValue()) {
            case "system" -> "Colours: one per health system, grey for independents";
            case "community" -> "Colours: one per referral community (Louvain over the flows drawn)";
            default -> "";
        });
        graph.setColorBy(colorBy.getValue());
        graph.setLayout(layout.getValue());
        graph.setSizeBy(sizeBy.getValue());
        draw(request.focus());
        showView(link.view());
    }

    /** The grouping chosen in the filters (the default while none is). */
    private Grouping chosenGrouping() {
        return grouping.getValue() == null ? Grouping.DEFAULT : grouping.getValue();
    }

        /** What a link sets beyond the focus, in words. */
    private String active(NetworkLink link) {
        var parts = new java.util.ArrayList<String>();
        parts.add(link.hops() == 1 ? "1 hop" : link.hops() + " hops");
        if (link.hops() > 1) {
            parts.add(link.group() == Grouping.NONE ? "not grouped" : "grouped by " + link.group().label()
                    .toLowerCase(Locale.ROOT));
        }
        if (!link.serviceLines().isEmpty()) {
            parts.add(String.join(", ", link.serviceLines()));
        }
        if (link.minReferrals() > 1) {
            parts.add("at least " + link.minReferrals() + " referrals");
        }
        if (!"both".equals(link.direction())) {
            parts.add("out".equals(link.direction()) ? "sent only" : "received only");
        }
        if (!link.networks().isEmpty()) {
            parts.add(String.join(", ", link.networks().stream().map(Network::labelOf).toList()));
        }
        return String.join(" · ", parts);
    }

    /** The deep link of what the filters show, around a focus. */
    private NetworkLink shown(String focusId) {
        boolean sameFocus = request != null && focusId.equals(request.focus());
        return new NetworkLink(focusId, hops.getValue() == null ? 1 : hops.getValue(), serviceLines.getValue(),
                fromMonth.getValue(), toMonth.getValue(), minReferrals.getValue() == null ? 1 : minReferrals.getValue(),
                direction.getValue(), networks.getValue(), colorBy.getValue(), layout.getValue(), sizeBy.getValue(),
                highlight.getValue(), grouping.getValue(), sameFocus ? openGroups : java.util.Set.of(),
                views.getSelectedTab() == flowTab ? "flow" : "graph");
    }

    /** Keeps the address in step with what is shown (open groups, the view) without drawing anew. */
    private void replaceAddress() {
        if (request != null) {
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    new com.vaadin.flow.router.Location("network", shown(request.focus()).toQueryParameters())));
        }
    }

    /** Shows the graph or the leakage flow view. */
    private void showView(String view) {
        boolean flow = "flow".equals(view) && picture != null;
        views.setSelectedTab(flow ? flowTab : graphTab);
        views.setVisible(picture != null);
        flowChart.setVisible(flow);
        flowSummary.setVisible(flow);
        graph.setVisible(!flow && picture != null);
    }

    private void navigateToFilters() {
        if (request != null) {
            getUI().ifPresent(ui -> ui.navigate(NetworkView.class, shown(request.focus()).toQueryParameters()));
        }
    }

    /** Moves the focus, keeping the filters. */
    private void focus(String id) {
        getUI().ifPresent(ui -> ui.navigate(NetworkView.class,
                request == null ? NetworkLink.focusOn(id) : shown(id).toQueryParameters()));
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
        explored = new ExploredPicture(found.get());
        show(false);
        showGroupChips();
        showDetails(focusId);
    }

    /** Draws the picture (the filters', or one grown or pruned from it) with its sizes and highlights. */
    private void show(boolean incremental) {
        NetworkPicture whole = explored.picture();
        NetworkPicture shownPicture = band == null ? whole : LeakageFlows.only(whole, band.get(0), band.get(1));
        picture = chosenGrouping().apply(shownPicture, openGroups);
        showFlows(whole);
        if ("influence".equals(sizeBy.getValue())) {
            var all = influence.percentiles(picture.from(), picture.to());
            var percentiles = new java.util.HashMap<String, Double>();
            picture.nodes().forEach(n -> percentiles.put(n.id(), all.getOrDefault(n.id(), 0.0)));
            graph.setInfluence(percentiles);
        }
        highlightReport();
        graph.setIncremental(incremental);
        graph.setPicture(picture);
        graph.setVisible(views.getSelectedTab() != flowTab);
        views.setVisible(true);
        emptyState.setVisible(false);
        var focus = whole.nodes().get(0);
        long groups = picture.nodes().stream().filter(NetworkPicture.Node::standsForAGroup).count();
        summary.setText("%s · %d nodes%s, %d referral flows (%,d referrals) · %s – %s%s".formatted(
                focus.name(), picture.nodes().size(), groups == 0 ? "" : " (%d groups of %,d)".formatted(groups,
                        picture.nodes().stream().mapToInt(NetworkPicture.Node::members).sum()),
                picture.edges().size(), shownPicture.referrals(),
                MONTH.format(picture.from()), MONTH.format(picture.to().minusDays(1)),
                picture.truncated() ? " · some quieter partners are left out (the busiest "
                        + request.perNode() + " per node, " + request.maxNodes() + " nodes at most)" : "")
                + (explored.expanded() == 0 ? "" : " · expanded " + explored.expanded())
                + (explored.hidden() == 0 ? "" : " · " + explored.hidden() + " hidden"));
    }

    /** A node menu's action: grow the picture around a node, take that back, hide a node, refocus, open a profile. */
    private void act(String id, String action) {
        if (picture == null || id == null) {
            return;
        }
        switch (action) {
            case "expand" -> expand(id);
            case "collapse" -> {
                if (explored.collapse(id)) {
                    show(true);
                }
            }
            case "hide" -> {
                if (explored.hide(id)) {
                    show(true);
                    details.removeAll();
                }
            }
            case "focus" -> focus(id);
            case "open-group" -> Grouping.keyOfGroupId(id).ifPresent(this::openGroup);
            case "close-group" -> picture.nodes().stream().filter(n -> n.id().equals(id) && n.group() != null)
                    .findFirst().ifPresent(n -> closeGroup(n.group()));
            case "profile" -> picture.nodes().stream().filter(n -> n.id().equals(id)).findFirst().ifPresent(n ->
                    getUI().ifPresent(ui -> ui.navigate(ProfileView.path(n.kind(), n.id()))));
            default -> {
                // unknown actions are ignored
            }
        }
    }

    /** Draws a group as its members, in place; the address keeps it open. */
    private void openGroup(String key) {
        if (openGroups.add(key)) {
            show(true);
            replaceAddress();
            showGroupChips();
        }
    }

    private void closeGroup(String key) {
        if (openGroups.remove(key)) {
            show(true);
            replaceAddress();
            showGroupChips();
            details.removeAll();
        }
    }

    /** Lists the open groups, each with a button that closes it. */
    private void showGroupChips() {
        bandNote.removeAll();
        var shown = new java.util.ArrayList<Component>();
        if (band != null) {
            var clear = new Button("Show all flows", VaadinIcon.CLOSE_SMALL.create(), click -> {
                band = null;
                show(false);
                showGroupChips();
            });
            clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            clear.addClassName("band-clear");
            shown.add(new Span("Showing only the flows " + bandText()));
            shown.add(clear);
        }
        for (String key : openGroups) {
            var name = explored == null ? key : groupName(key);
            var close = new Button("Close " + name, VaadinIcon.COMPRESS_SQUARE.create(), click -> closeGroup(key));
            close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            close.addClassName("group-close");
            close.getElement().setAttribute("data-group", key);
            shown.add(close);
        }
        bandNote.add(shown.toArray(Component[]::new));
        bandNote.setVisible(!shown.isEmpty());
    }

    private String groupName(String key) {
        return chosenGrouping().apply(explored.picture(), java.util.Set.of()).nodes().stream()
                .filter(n -> n.id().equals(Grouping.groupId(key))).map(NetworkPicture.Node::name).findFirst()
                .orElse(key.substring(key.indexOf(':') + 1));
    }

    /** The flow view of the whole picture, with its totals. */
    private void showFlows(NetworkPicture whole) {
        var flows = LeakageFlows.of(whole);
        shownFlows = flows;
        flowChart.setFlows(flows);
        flowSummary.removeAll();
        double share = flows.referrals() == 0 ? 0 : 100.0 * flows.leaked() / flows.referrals();
        var total = new Span("%,d referrals · %,d leaked out of network (%.1f %%) · revenue at risk %s".formatted(
                flows.referrals(), flows.leaked(), share, money(flows.revenueAtRisk())));
        total.addClassName("flow-totals");
        flowSummary.add(total);
        var top = flows.leakDestinations().stream().limit(3).toList();
        if (!top.isEmpty()) {
            var list = new Span(" · Top destinations of leakage: " + String.join("; ", top.stream()
                    .map(d -> "%s %,d (%s)".formatted(d.name().replace(" · out of network", ""), d.leaked(),
                            money(d.revenueAtRisk()))).toList()));
            list.addClassName("flow-top-destinations");
            flowSummary.add(list);
        }
        flowSummary.add(new Span(" · Click a band to see its flows in the network."));
    }

    private static String money(double amount) {
        return amount >= 1e6 ? "$%.1fM".formatted(amount / 1e6) : "$%,.0f".formatted(amount);
    }

    /** Narrows the graph to one band of the flow view and shows it. */
    private void narrowToBand(String source, String target) {
        if (explored == null || source == null || target == null) {
            return;
        }
        band = List.of(source, target);
        showView("graph");
        show(false);
        showGroupChips();
        replaceAddress();
    }

    private String bandText() {
        var flows = shownFlows;
        java.util.function.Function<String, String> name = id -> java.util.stream.Stream.concat(
                flows.sources().stream(), flows.destinations().stream()).filter(side -> side.id().equals(id))
                .map(LeakageFlows.Side::name).findFirst().orElse(id);
        return "from " + name.apply(band.get(0)) + " to " + name.apply(band.get(1));
    }

    /** Adds a node's own neighbourhood (one hop, the same filters) to the picture, up to the hard cap. */
    private void expand(String id) {
        var around = network.neighbourhood(request.withFocus(id).withHops(1));
        if (around.isEmpty()) {
            return;
        }
        var added = explored.expand(id, around.get());
        show(true);
        Notification.show(added.isEmpty() ? "Nothing new around it with these filters"
                : added.size() + " more around it", 2500, Notification.Position.BOTTOM_START);
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
        var report = reports.find(id, CurrentUser.current());
        if (report.isEmpty()) {
            graph.setHighlight(List.of(), List.of());
            return;
        }
        var parameters = ReportHighlight.parameters(report.get(), picture);
        // an expansion or a hide keeps the months: the report's paths are read once per report and months
        String key = id + " " + parameters;
        if (!key.equals(highlightKey)) {
            highlightPaths = ReportHighlight.paths(reports.run(report.get(), parameters));
            highlightKey = key;
        }
        var marked = ReportHighlight.among(highlightPaths, picture);
        graph.setHighlight(marked.nodes(), marked.edges());
    }

    private void showWelcome() {
        explored = null;
        picture = null;
        graph.setPicture(NetworkPicture.empty(null, null));
        graph.setVisible(false);
        views.setVisible(false);
        flowChart.setVisible(false);
        flowSummary.setVisible(false);
        bandNote.setVisible(false);
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
        var selected = picture.nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst();
        if (selected.isPresent() && selected.get().standsForAGroup()) {
            showGroupDetails(selected.get());
            return;
        }
        selected.ifPresent(node -> {
            var name = new H3(node.name());
            name.addClassName("details-name");
            details.add(name);
            details.add(line("Kind", switch (node.kind()) {
                case PHYSICIAN -> "Physician";
                case PRACTICE -> "Practice";
                case FACILITY -> "Facility";
                case GROUP -> "Group";
            }));
            details.add(line(node.kind() == NetworkPicture.Kind.PHYSICIAN ? "Specialty" : "Type", org.liaisonprm.base.FacilityType.detailOf(node.detail())));
            details.add(line("Id", node.id()));
            details.add(line("City", node.city()));
            details.add(line("Network", Network.labelOf(node.network())));
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

    /** A group's details: what it stands for, its busiest members, and a button that opens it. */
    private void showGroupDetails(NetworkPicture.Node group) {
        var name = new H3(group.name());
        name.addClassName("details-name");
        details.add(name);
        details.add(line("Group of", group.detail()));
        details.add(line("Network", Network.labelOf(group.network())));
        details.add(line("Health system", group.healthSystem()));
        details.add(line("Referrals", "%,d".formatted(group.volume())));
        var open = new Button("Open group", VaadinIcon.EXPAND_SQUARE.create(), click ->
                Grouping.keyOfGroupId(group.id()).ifPresent(this::openGroup));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        open.addClassName("details-open-group");
        details.add(open);
        var members = chosenGrouping().apply(explored.picture(), java.util.Set.of(group.group())).nodes().stream()
                .filter(n -> !n.standsForAGroup() && group.group().equals(n.group()))
                .sorted(java.util.Comparator.comparingLong(NetworkPicture.Node::volume).reversed()).limit(8).toList();
        if (!members.isEmpty()) {
            details.add(new Paragraph("Busiest members"));
            members.forEach(member -> details.add(line(member.name(), "%,d".formatted(member.volume()))));
        }
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
