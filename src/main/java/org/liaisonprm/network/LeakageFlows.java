package org.liaisonprm.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.liaisonprm.base.Network;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.NetworkPicture.Edge;
import org.liaisonprm.base.NetworkPicture.Node;
import org.liaisonprm.graph.NetworkMembership;

/**
 * The explorer's leakage flow view: every referral of a picture as bands from who sent it (the busiest
 * referrers one by one, the others together by network) to where it went (grouped by health system and
 * network), each band either kept or leaked out of network. The bands add up to the picture's referrals.
 *
 * @param sources      left side, busiest first
 * @param destinations right side, busiest first
 * @param bands        one per source and destination that exchanged referrals
 * @param referrals    all referrals of the picture
 * @param leaked       those leaking out of network
 * @param revenueAtRisk the leaked referrals × revenue per case of their service lines
 */
record LeakageFlows(List<Side> sources, List<Side> destinations, List<Band> bands, long referrals, long leaked,
                    double revenueAtRisk) {

    /** How many referrers the left side names one by one; the rest are summed by network. */
    static final int NAMED_REFERRERS = 15;

    /**
     * @param id       key of the side: {@code referrer:<id>}, {@code others:in} / {@code others:out} on the left,
     *                 {@code to:<health system or independent>:<network>} on the right
     * @param network  IN, AFFILIATED or OUT (the others' sides: IN for in network or affiliated, OUT)
     * @param count    how many nodes the side stands for
     * @param leaked   how many of its referrals leak out of network (sent by a source, received by a destination)
     * @param revenueAtRisk the leaked referrals × revenue per case of their service lines
     */
    record Side(String id, String name, String network, long referrals, int count, long leaked,
                double revenueAtRisk) {
    }

    /** @param leaked whether the band's referrals leave the network (a band is all kept or all leaked) */
    record Band(String source, String target, long referrals, boolean leaked, double revenueAtRisk) {
    }

    static LeakageFlows of(NetworkPicture picture) {
        var nodes = new HashMap<String, Node>();
        picture.nodes().forEach(n -> nodes.put(n.id(), n));
        var referrals = picture.edges().stream().filter(Edge::carriesReferrals).toList();
        var named = namedReferrers(picture);

        var sources = new LinkedHashMap<String, Side>();
        var destinations = new LinkedHashMap<String, Side>();
        var bands = new LinkedHashMap<String, Band>();
        var othersCounted = new HashMap<String, Set<String>>();
        var destinationsCounted = new HashMap<String, Set<String>>();
        long total = 0;
        long leaked = 0;
        double atRisk = 0;
        for (Edge edge : referrals) {
            Node from = nodes.get(edge.source());
            Node to = nodes.get(edge.target());
            String sourceId = sourceOf(edge.source(), from, named);
            String targetId = destinationOf(to);
            othersCounted.computeIfAbsent(sourceId, k -> new HashSet<>()).add(edge.source());
            destinationsCounted.computeIfAbsent(targetId, k -> new HashSet<>()).add(edge.target());
            sources.merge(sourceId, new Side(sourceId, sourceName(sourceId, from), sourceNetwork(sourceId, from),
                    edge.referrals(), 1, edge.leakingReferrals(), edge.revenueAtRisk()), LeakageFlows::plus);
            destinations.merge(targetId, new Side(targetId, destinationName(to), network(to), edge.referrals(), 1,
                    edge.leakingReferrals(), edge.revenueAtRisk()), LeakageFlows::plus);
            bands.merge(sourceId + "\u0000" + targetId, new Band(sourceId, targetId, edge.referrals(),
                    edge.leakingReferrals() > 0, edge.revenueAtRisk()), (a, b) -> new Band(a.source(), a.target(),
                    a.referrals() + b.referrals(), a.leaked() || b.leaked(), a.revenueAtRisk() + b.revenueAtRisk()));
            total += edge.referrals();
            leaked += edge.leakingReferrals();
            atRisk += edge.revenueAtRisk();
        }
        return new LeakageFlows(counted(sources, othersCounted), counted(destinations, destinationsCounted),
                List.copyOf(bands.values()), total, leaked, atRisk);
    }

    /** Where the leaked referrals went, the most first: destinations that received any. */
    List<Side> leakDestinations() {
        return destinations.stream().filter(side -> side.leaked() > 0)
                .sorted(Comparator.comparingLong(Side::leaked).reversed().thenComparing(Side::id)).toList();
    }

    /** The picture's referrals of one band, the nodes they join and the focus. */
    static NetworkPicture only(NetworkPicture picture, String sourceId, String targetId) {
        var nodes = new HashMap<String, Node>();
        picture.nodes().forEach(n -> nodes.put(n.id(), n));
        var named = namedReferrers(picture);
        var edges = picture.edges().stream().filter(Edge::carriesReferrals)
                .filter(e -> sourceOf(e.source(), nodes.get(e.source()), named).equals(sourceId)
                        && destinationOf(nodes.get(e.target())).equals(targetId))
                .toList();
        var kept = new HashSet<String>();
        kept.add(picture.focusId());
        edges.forEach(e -> {
            kept.add(e.source());
            kept.add(e.target());
        });
        return picture.with(picture.nodes().stream().filter(n -> kept.contains(n.id())).toList(), edges);
    }

    /** The ids of the referrers the left side names one by one: the focus when it sent any, then the busiest. */
    private static Set<String> namedReferrers(NetworkPicture picture) {
        var sent = new HashMap<String, Long>();
        picture.edges().stream().filter(Edge::carriesReferrals).forEach(e -> sent.merge(e.source(), e.referrals(),
                Long::sum));
        var named = new java.util.LinkedHashSet<String>();
        if (sent.containsKey(picture.focusId())) {
            named.add(picture.focusId());
        }
        sent.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).filter(id -> !named.contains(id)).limit(NAMED_REFERRERS - named.size())
                .forEach(named::add);
        return named;
    }

    private static List<Side> counted(Map<String, Side> sides, Map<String, Set<String>> members) {
        var list = new ArrayList<Side>();
        sides.values().forEach(side -> {
            int count = members.getOrDefault(side.id(), Set.of()).size();
            String name = side.id().startsWith("others:") ? side.name().formatted(count) : side.name();
            list.add(new Side(side.id(), name, side.network(), side.referrals(), count, side.leaked(),
                    side.revenueAtRisk()));
        });
        list.sort(Comparator.comparingLong(Side::referrals).reversed().thenComparing(Side::id));
        return List.copyOf(list);
    }

    private static Side plus(Side a, Side b) {
        return new Side(a.id(), a.name(), a.network(), a.referrals() + b.referrals(), a.count(),
                a.leaked() + b.leaked(), a.revenueAtRisk() + b.revenueAtRisk());
    }

    private static String sourceOf(String id, Node node, Set<String> named) {
        if (named.contains(id)) {
            return "referrer:" + id;
        }
        return node != null && NetworkMembership.inNetwork(node.network()) ? "others:in" : "others:out";
    }

    private static String sourceName(String sourceId, Node node) {
        return switch (sourceId) {
            case "others:in" -> "%d other in-network referrers";
            case "others:out" -> "%d other out-of-network referrers";
            default -> node == null ? sourceId : node.name();
        };
    }

    private static String sourceNetwork(String sourceId, Node node) {
        return switch (sourceId) {
            case "others:in" -> "IN";
            case "others:out" -> "OUT";
            default -> network(node);
        };
    }

    private static String destinationOf(Node node) {
        String system = node == null || node.healthSystem() == null ? "independent" : node.healthSystem();
        return "to:" + system + ":" + network(node);
    }

    private static String destinationName(Node node) {
        String network = Network.labelOf(network(node)).toLowerCase(Locale.ROOT);
        return (node == null || node.healthSystem() == null ? "Independent" : node.healthSystem()) + " · " + network;
    }

    private static String network(Node node) {
        return node == null || node.network() == null ? "OUT" : node.network();
    }
}
