package org.liaisonprm.base;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the explorer draws: a focus, the nodes around it and the aggregated referral flows between them.
 *
 * @param focusId   id of the node the picture is centred on
 * @param from      first day of the period counted (inclusive)
 * @param to        end of the period counted (exclusive)
 * @param truncated true when neighbours were left out to keep the picture readable
 * @param communities referral community of each node id, when asked for (nodes without flows have none)
 */
public record NetworkPicture(String focusId, LocalDate from, LocalDate to, List<Node> nodes, List<Edge> edges,
                             boolean truncated, Map<String, Long> communities) {

    /** A picture can be shared between callers (pictures are reused while the graph has not changed). */
    public NetworkPicture {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        communities = Map.copyOf(communities);
    }

    public NetworkPicture(String focusId, LocalDate from, LocalDate to, List<Node> nodes, List<Edge> edges,
                          boolean truncated) {
        this(focusId, from, to, nodes, edges, truncated, Map.of());
    }

    /** The kind of a node: decides its shape. A group stands for several nodes drawn as one. */
    public enum Kind {
        PHYSICIAN, PRACTICE, FACILITY, GROUP;

        /** The kind of a provider node from its labels: a physician, a practice, or else a facility. */
        public static Kind of(List<String> labels) {
            if (labels.contains("Physician")) {
                return PHYSICIAN;
            }
            return labels.contains("Practice") ? PRACTICE : FACILITY;
        }
    }

    /**
     * @param network    IN, AFFILIATED or OUT (for a group, that of most of its members)
     * @param volume     referrals exchanged with the node it was found from in the period (for a group, its
     *                   members' summed)
     * @param hop        0 for the focus (and a practice focus's physicians), 1 for its partners, 2 for theirs
     * @param practiceId id of the practice a physician works at (the first by name), else null
     * @param practice   that practice's name
     * @param group      key of the group the node belongs to in a grouped picture (also while that group is
     *                   open), else null
     * @param members    for a group, how many nodes it stands for; 0 for any other node
     */
    public record Node(String id, Kind kind, String name, String detail, String city, String network,
                       String healthSystem, long volume, int hop, String practiceId, String practice, String group,
                       int members) {

        public Node(String id, Kind kind, String name, String detail, String city, String network,
                    String healthSystem, long volume) {
            this(id, kind, name, detail, city, network, healthSystem, volume, 1, null, null, null, 0);
        }

        public Node withHop(int value) {
            return new Node(id, kind, name, detail, city, network, healthSystem, volume, value, practiceId, practice,
                    group, members);
        }

        public Node inGroup(String key) {
            return new Node(id, kind, name, detail, city, network, healthSystem, volume, hop, practiceId, practice,
                    key, members);
        }

        public boolean standsForAGroup() {
            return kind == Kind.GROUP;
        }
    }

    public NetworkPicture withCommunities(Map<String, Long> communities) {
        return new NetworkPicture(focusId, from, to, nodes, edges, truncated, Map.copyOf(communities));
    }

    /** The same picture with other nodes and edges (the focus, period, truncation and communities kept). */
    public NetworkPicture with(List<Node> otherNodes, List<Edge> otherEdges) {
        return new NetworkPicture(focusId, from, to, List.copyOf(otherNodes), List.copyOf(otherEdges), truncated,
                communities);
    }

    /** The referrals of the picture's REFERRED edges, summed. */
    public long referrals() {
        return edges.stream().filter(Edge::carriesReferrals).mapToLong(Edge::referrals).sum();
    }

    /**
     * @param type             REFERRED (aggregated over the period and service lines) or PRACTICES_AT
     * @param leaking          a referral from an in-network or affiliated source to an out-of-network target (for
     *                         flows aggregated between groups: some of them are)
     * @param leakingReferrals how many of the referrals leak out of network
     * @param revenueAtRisk    the leaking referrals × revenue per case of their service lines
     */
    public record Edge(String source, String target, String type, long referrals, long patients, boolean leaking,
                       long leakingReferrals, double revenueAtRisk) {

        public Edge(String source, String target, String type, long referrals, long patients, boolean leaking) {
            this(source, target, type, referrals, patients, leaking, leaking ? referrals : 0, 0);
        }

        public boolean carriesReferrals() {
            return "REFERRED".equals(type);
        }
    }

    public static NetworkPicture empty(LocalDate from, LocalDate to) {
        return new NetworkPicture(null, from, to, List.of(), List.of(), false);
    }
}
