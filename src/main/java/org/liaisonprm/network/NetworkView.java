package org.liaisonprm.network;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;

/**
 * The referral network around one physician, practice or facility. {@code /network?focus=<id>} opens it
 * directly on that node.
 */
@Route("network")
@RouteAlias("")
@PageTitle("Network · Liaison")
@Menu(order = 0, icon = "vaadin:cluster", title = "Network")
@PermitAll
class NetworkView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    private static final Map<String, String> NETWORK_NAMES = Map.of(
            "IN", "In network", "AFFILIATED", "Affiliated", "OUT", "Out of network");

    private final NetworkService network;
    private final ComboBox<ProviderMatch> search = new ComboBox<>();
    private final ReferralNetworkGraph graph = new ReferralNetworkGraph();
    private final Div details = new Div();
    private final Span summary = new Span();
    private final Div emptyState = new Div();
    private NetworkPicture picture;

    NetworkView(NetworkService network) {
        this.network = network;
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
        var toolbar = new HorizontalLayout(search, legend());
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

        add(toolbar, summary, body);
        setFlexGrow(1, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> focus = event.getLocation().getQueryParameters().getSingleParameter("focus");
        if (focus.isPresent() && !focus.get().isBlank()) {
            draw(focus.get().strip());
        } else {
            showWelcome();
        }
    }

    private void focus(String id) {
        getUI().ifPresent(ui -> ui.navigate(NetworkView.class, QueryParameters.of("focus", id)));
    }

    private void draw(String focusId) {
        var period = network.defaultPeriod();
        Optional<NetworkPicture> found = network.neighbourhood(focusId, period, NetworkService.DEFAULT_NEIGHBOURS);
        if (found.isEmpty()) {
            var notice = Notification.show("No physician, practice or facility has the id " + focusId);
            notice.addThemeVariants(NotificationVariant.LUMO_WARNING);
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
                picture.truncated() ? " · only the " + NetworkService.DEFAULT_NEIGHBOURS
                        + " busiest partners are shown" : ""));
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

    private static Component legend() {
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
