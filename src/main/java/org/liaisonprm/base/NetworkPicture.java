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

    public NetworkPicture(String focusId, LocalDate from, LocalDate to, List<Node> nodes, List<Edge> edges,
                          boolean truncated) {
        this(focusId, from, to, nodes, edges, truncated, Map.of());
    }

    /** The kind of a node: decides its shape. */
    public enum Kind {
        PHYSICIAN, PRACTICE, FACILITY;

        /** The kind of a provider node from its labels: a physician, a practice, or else a facility. */
        public static Kind of(List<String> labels) {
            if (labels.contains("Physician")) {
                return PHYSICIAN;
            }
            return labels.contains("Practice") ? PRACTICE : FACILITY;
        }
    }

    /**
     * @param network  IN, AFFILIATED or OUT
     * @param volume   referrals exchanged with the focus in the period
     */
    public record Node(String id, Kind kind, String name, String detail, String city, String network,
                       String healthSystem, long volume) {
    }

    public NetworkPicture withCommunities(Map<String, Long> communities) {
        return new NetworkPicture(focusId, from, to, nodes, edges, truncated, Map.copyOf(communities));
    }

    /**
     * @param type    REFERRED (aggregated over the period and service lines) or PRACTICES_AT
     * @param leaking a referral from an in-network or affiliated source to an out-of-network target
     */
    public record Edge(String source, String target, String type, long referrals, long patients, boolean leaking) {
    }

    public static NetworkPicture empty(LocalDate from, LocalDate to) {
        return new NetworkPicture(null, from, to, List.of(), List.of(), false);
    }
}
