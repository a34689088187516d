package org.liaisonprm.outreach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liaisonprm.base.Network;
import org.liaisonprm.base.Vocabulary;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * What the outreach map shows: territories with the positions inside them, and their practices (coloured by
 * loyalty segment or network) and the facilities their physicians refer to or hold privileges at. Names are
 * entered by users or imported, so the tooltips, which the map shows as HTML, are built here with each of
 * them escaped.
 */
@Service
public class MapData {

    /** Colours of the territories, in order. */
    static final String[] TERRITORY_COLOURS = {"#1565c0", "#6a1b9a", "#00838f", "#ad1457", "#2e7d32", "#ef6c00", "#4e342e"};
    static final Map<String, String> SEGMENT_COLOURS = Map.of("OPPORTUNITY", "#d32f2f", "SPLITTER", "#f29900",
            "LOYALIST", "#2e7d32", "NONE", "#8a8f98");
    static final Map<String, String> NETWORK_COLOURS = Map.of("IN", "#1565c0", "AFFILIATED", "#f29900", "OUT", "#8a8f98");

    public enum ColourBy { SEGMENT, NETWORK }

    private static final Cypher TERRITORY_POINTS = Cypher.load("outreach/map-territory-points");
    private static final Cypher PRACTICES = Cypher.load("outreach/map-practices");
    private static final Cypher FACILITIES = Cypher.load("outreach/map-facilities");

    private final Graph graph;
    private final Targets targets;
    private final OutreachProperties properties;

    MapData(Graph graph, Targets targets, OutreachProperties properties) {
        this.graph = graph;
        this.targets = targets;
        this.properties = properties;
    }

    /** The map of these territories, with a route (or null). */
    public OutreachMap.Data map(List<Territory> territories, ColourBy colourBy, OutreachMap.Route route) {
        var ids = territories.stream().map(Territory::id).toList();
        var window = targets.window();
        var score = properties.score();
        var shapes = new ArrayList<OutreachMap.TerritoryShape>();
        var places = new ArrayList<OutreachMap.Place>();
        var points = graph.read(TERRITORY_POINTS, Map.of("ids", ids), r -> Map.entry(r.get("id").asString(),
                r.get("points").asList(v -> new double[]{v.get(0).asDouble(), v.get(1).asDouble()})));
        var byId = new HashMap<String, List<double[]>>();
        points.forEach(e -> byId.put(e.getKey(), e.getValue()));
        for (int i = 0; i < territories.size(); i++) {
            Territory t = territories.get(i);
            shapes.add(new OutreachMap.TerritoryShape(t.id(), t.name(), TERRITORY_COLOURS[i % TERRITORY_COLOURS.length],
                    t.zips(), byId.getOrDefault(t.id(), List.of()), html(t.name())));
        }
        var parameters = new HashMap<String, Object>();
        parameters.put("ids", ids);
        parameters.put("from", window.from());
        parameters.put("to", window.to());
        places.addAll(graph.read(PRACTICES, parameters, r -> {
            long referrals = r.get("referrals").asLong();
            long kept = r.get("kept").asLong();
            Segment segment = Segment.of(referrals, kept, score);
            String network = r.get("network").asString("OUT");
            String colour = colourBy == ColourBy.SEGMENT ? SEGMENT_COLOURS.get(segment.name())
                    : NETWORK_COLOURS.getOrDefault(network, "#8a8f98");
            String detail = r.get("city").asString("") + " · " + Network.labelOf(network).toLowerCase(java.util.Locale.ROOT)
                    + " · " + "%,d".formatted(r.get("physicians").asLong()) + " physicians"
                    + (referrals > 0 ? " · kept " + Math.round(100.0 * kept / referrals) + " % of " + "%,d".formatted(referrals)
                    + " referrals (" + segment.label().toLowerCase(java.util.Locale.ROOT) + ")" : "");
            String name = r.get("name").asString("");
            return new OutreachMap.Place(r.get("id").asString(), name, "Practice", number(r.get("lat")),
                    number(r.get("lon")), r.get("zip").asString(null), colour, detail, "practices/" + r.get("id").asString(),
                    tooltip(name, detail));
        }));
        places.addAll(graph.read(FACILITIES, parameters, r -> {
            String network = r.get("network").asString("OUT");
            String name = r.get("name").asString("");
            String type = r.get("type").asString("");
            String detail = r.get("city").asString("") + " · "
                    + Vocabulary.label("facility-type", type).orElse(type.isEmpty() ? "Facility" : type) + " · "
                    + Network.labelOf(network).toLowerCase(java.util.Locale.ROOT);
            return new OutreachMap.Place(r.get("id").asString(), name, "Facility",
                    number(r.get("lat")), number(r.get("lon")), r.get("zip").asString(null),
                    NETWORK_COLOURS.getOrDefault(network, "#8a8f98"), detail,
                    "facilities/" + r.get("id").asString(), tooltip(name, detail));
        }));
        var legend = new ArrayList<OutreachMap.LegendItem>();
        if (colourBy == ColourBy.SEGMENT) {
            for (Segment segment : Segment.values()) {
                legend.add(new OutreachMap.LegendItem(segment.label(), SEGMENT_COLOURS.get(segment.name())));
            }
        }
        for (Network network : Network.values()) {
            legend.add(new OutreachMap.LegendItem(network.label(), NETWORK_COLOURS.get(network.name())));
        }
        String tiles = properties.tileUrl() == null || properties.tileUrl().isBlank() ? null : properties.tileUrl();
        return new OutreachMap.Data(tiles, places, shapes, route, legend);
    }

    /** A plan's route for the map. */
    public static OutreachMap.Route route(VisitPlan plan) {
        var stops = plan.stops().stream()
                .map(s -> new OutreachMap.RouteStop(s.order(), s.name(), s.lat(), s.lon(), s.done(),
                        s.order() + ". " + html(s.name()))).toList();
        double[] start = plan.startLat() == null ? null : new double[]{plan.startLat(), plan.startLon()};
        return new OutreachMap.Route(start, stops);
    }

    /** A place's tooltip: its name over its detail, both escaped. */
    private static String tooltip(String name, String detail) {
        return html(name) + "<br>" + html(detail);
    }

    /** Text as HTML: {@code < > & " '} escaped. */
    static String html(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Double number(Value value) {
        return value.isNull() ? null : value.asDouble();
    }
}
