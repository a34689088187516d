package org.liaisonprm.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.liaisonprm.base.Labelled;
import org.liaisonprm.base.Network;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.NetworkPicture.Edge;
import org.liaisonprm.base.NetworkPicture.Node;

/**
 * How the explorer combines the nodes beyond the focus and its first hop into groups, so that a two-hop picture
 * stays readable: by practice, health system, network or referral community, or not at all. A group is drawn as
 * one node sized by its members' volume; the flows between drawn nodes are summed into one edge per direction,
 * keeping how many of them leak. An open group is drawn as its members.
 */
enum Grouping implements Labelled {
    NONE, PRACTICE, SYSTEM, NETWORK, COMMUNITY;

    /** What a picture starts with: a two-hop picture of a region is readable grouped by health system. */
    static final Grouping DEFAULT = SYSTEM;

    /** The grouping an address or API call names (any case); empty when it names none of them. */
    static Optional<Grouping> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Grouping grouping : values()) {
            if (grouping.key().equalsIgnoreCase(value.strip())) {
                return Optional.of(grouping);
            }
        }
        return Optional.empty();
    }

    /** The value in addresses: none, practice, system, network or community. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the explorer's menu names it. */
    @Override
    public String label() {
        return switch (this) {
            case NONE -> "Every physician";
            case PRACTICE -> "Practice";
            case SYSTEM -> "Health system";
            case NETWORK -> "Network";
            case COMMUNITY -> "Referral community";
        };
    }

    /**
     * The picture with this grouping: nodes at hop 2 or beyond that share a group (two members or more, and the
     * group not open) drawn as one group node, edges summed between what is drawn (flows inside a group left
     * out). Every node that belongs to a group says so in {@link Node#group()}, also while its group is open.
     *
     * @param open keys of the groups drawn as their members
     */
    NetworkPicture apply(NetworkPicture picture, Set<String> open) {
        if (this == NONE) {
            return picture;
        }
        var keyOf = new LinkedHashMap<String, String>();
        var membersOf = new LinkedHashMap<String, List<Node>>();
        for (Node node : picture.nodes()) {
            if (node.hop() < 2 || node.id().equals(picture.focusId())) {
                continue;
            }
            String key = keyOf(node, picture.communities());
            if (key != null) {
                keyOf.put(node.id(), key);
                membersOf.computeIfAbsent(key, k -> new ArrayList<>()).add(node);
            }
        }
        // a group of one is drawn as its member
        membersOf.values().removeIf(members -> members.size() < 2);
        keyOf.values().removeIf(key -> !membersOf.containsKey(key));

        var drawnAs = new HashMap<String, String>();
        var drawnGroups = new java.util.HashSet<String>();
        var nodes = new ArrayList<Node>();
        var communities = new HashMap<>(picture.communities());
        for (Node node : picture.nodes()) {
            String key = keyOf.get(node.id());
            if (key == null) {
                drawnAs.put(node.id(), node.id());
                nodes.add(node);
            } else if (open.contains(key)) {
                drawnAs.put(node.id(), node.id());
                nodes.add(node.inGroup(key));
            } else {
                String groupId = groupId(key);
                if (drawnGroups.add(groupId)) {
                    var members = membersOf.get(key);
                    nodes.add(groupNode(key, members, picture.communities()));
                    Long community = picture.communities().get(members.get(0).id());
                    if (this == COMMUNITY && community != null) {
                        communities.put(groupId, community);
                    }
                }
                drawnAs.put(node.id(), groupId);
            }
        }
        return new NetworkPicture(picture.focusId(), picture.from(), picture.to(), nodes,
                sumEdges(picture.edges(), drawnAs), picture.truncated(), Map.copyOf(communities));
    }

    /** The id a group is drawn with. */
    static String groupId(String key) {
        return "group:" + key;
    }

    /** The key of a group from the id it is drawn with; empty for any other node. */
    static Optional<String> keyOfGroupId(String id) {
        return id != null && id.startsWith("group:") ? Optional.of(id.substring("group:".length())) : Optional.empty();
    }

    private String keyOf(Node node, Map<String, Long> communities) {
        return switch (this) {
            case NONE -> null;
            case PRACTICE -> node.practiceId() == null ? null : "practice:" + node.practiceId();
            case SYSTEM -> node.healthSystem() != null ? "system:" + node.healthSystem()
                    : "independent:" + node.network();
            case NETWORK -> "network:" + node.network();
            case COMMUNITY -> communities.containsKey(node.id()) ? "community:" + communities.get(node.id()) : null;
        };
    }

    private Node groupNode(String key, List<Node> members, Map<String, Long> communities) {
        long volume = members.stream().mapToLong(Node::volume).sum();
        String network = mostCommon(members, Node::network).orElse("OUT");
        String system = members.stream().map(Node::healthSystem).distinct().count() == 1
                ? members.get(0).healthSystem() : null;
        long physicians = members.stream().filter(m -> m.kind() == NetworkPicture.Kind.PHYSICIAN).count();
        String detail = physicians == members.size() ? count(physicians, "physician")
                : count(members.size(), "member");
        String city = mostCommon(members, Node::city).orElse(null);
        String name = switch (this) {
            case PRACTICE -> members.stream().map(Node::practice).filter(java.util.Objects::nonNull).findFirst()
                    .orElse("Practice");
            case SYSTEM -> system != null ? system : "Independent, " + Network.labelOf(network).toLowerCase(Locale.ROOT);
            case NETWORK -> Network.labelOf(network);
            case COMMUNITY -> "Community" + (city == null ? "" : " around " + city);
            case NONE -> key;
        };
        return new Node(groupId(key), NetworkPicture.Kind.GROUP, name, detail, city, network, system, volume, 2,
                null, null, key, members.size());
    }

    private static String count(long n, String noun) {
        return "%,d %s%s".formatted(n, noun, n == 1 ? "" : "s");
    }

    private static Optional<String> mostCommon(List<Node> members, Function<Node, String> value) {
        return members.stream().map(value).filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    /**
     * One edge per direction and type between drawn nodes: referrals, patients, leaking referrals and revenue at
     * risk summed; flows within one drawn node (inside a group) left out.
     */
    private static List<Edge> sumEdges(List<Edge> edges, Map<String, String> drawnAs) {
        var summed = new LinkedHashMap<String, Edge>();
        for (Edge edge : edges) {
            String source = drawnAs.get(edge.source());
            String target = drawnAs.get(edge.target());
            if (source == null || target == null || source.equals(target)) {
                continue;
            }
            summed.merge(source + "\u0000" + target + "\u0000" + edge.type(),
                    new Edge(source, target, edge.type(), edge.referrals(), edge.patients(), edge.leaking(),
                            edge.leakingReferrals(), edge.revenueAtRisk()),
                    (a, b) -> new Edge(source, target, a.type(), a.referrals() + b.referrals(),
                            a.patients() + b.patients(), a.leaking() || b.leaking(),
                            a.leakingReferrals() + b.leakingReferrals(), a.revenueAtRisk() + b.revenueAtRisk()));
        }
        return List.copyOf(summed.values());
    }
}
