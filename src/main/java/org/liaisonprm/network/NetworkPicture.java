package org.liaisonprm.network;

import java.time.LocalDate;
import java.util.List;

/**
 * What the explorer draws: a focus, the nodes around it and the aggregated referral flows between them.
 *
 * @param focusId   id of the node the picture is centred on
 * @param from      first day of the period counted (inclusive)
 * @param to        end of the period counted (exclusive)
 * @param truncated true when neighbours were left out to keep the picture readable
 */
public record NetworkPicture(String focusId, LocalDate from, LocalDate to, List<Node> nodes, List<Edge> edges,
                             boolean truncated) {

    /** The kind of a node: decides its shape. */
    public enum Kind { PHYSICIAN, PRACTICE, FACILITY }

    /**
     * @param network  IN, AFFILIATED or OUT
     * @param volume   referrals exchanged with the focus in the period
     */
    public record Node(String id, Kind kind, String name, String detail, String city, String network,
                       String healthSystem, long volume) {
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
