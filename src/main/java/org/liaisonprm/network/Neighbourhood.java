package org.liaisonprm.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What part of the referral network to draw around a focus: how far, which referrals, how much at most.
 *
 * @param focus        id of the physician, practice or facility in the centre (a practice expands from its
 *                     physicians)
 * @param hops         1: the focus's partners; 2: also the partners' partners
 * @param serviceLines only referrals of these service lines; empty = all
 * @param from         first day counted (inclusive)
 * @param to           end of the period (exclusive)
 * @param minReferrals a partner (and a drawn flow) needs at least this many referrals in the period
 * @param direction    which referrals of an expanded node count: those it sent, received, or both
 * @param networks     only partners in these networks (IN, AFFILIATED, OUT); empty = all
 * @param perNode      each expanded node keeps its busiest this-many partners
 * @param maxNodes     at most this many nodes in all (at most {@link #HARD_CAP})
 * @param communities  also find referral communities in the picture (GDS Louvain over the flows drawn)
 */
public record Neighbourhood(String focus, int hops, List<String> serviceLines, LocalDate from, LocalDate to,
                            long minReferrals, Direction direction, Set<String> networks, int perNode, int maxNodes,
                            boolean communities) {

    public static final int DEFAULT_CAP = 500;
    public static final int HARD_CAP = 2_000;
    public static final int DEFAULT_PER_NODE = 25;

    public enum Direction { OUT, IN, BOTH }

    public Neighbourhood {
        if (focus == null || focus.isBlank()) {
            throw new IllegalArgumentException("focus: give the id of a physician, practice or facility");
        }
        if (hops < 1 || hops > 2) {
            throw new IllegalArgumentException("hops: 1 or 2, not " + hops);
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("from: must come before to");
        }
        if (minReferrals < 0) {
            throw new IllegalArgumentException("minReferrals: must not be negative");
        }
        if (perNode < 1) {
            throw new IllegalArgumentException("perNode: at least 1");
        }
        if (maxNodes < 1 || maxNodes > HARD_CAP) {
            throw new IllegalArgumentException("maxNodes: between 1 and " + HARD_CAP);
        }
        for (String network : networks) {
            if (!Set.of("IN", "AFFILIATED", "OUT").contains(network)) {
                throw new IllegalArgumentException("network: IN, AFFILIATED or OUT, not " + network);
            }
        }
        serviceLines = List.copyOf(serviceLines);
        networks = Set.copyOf(networks);
    }

    public Neighbourhood(String focus, int hops, List<String> serviceLines, LocalDate from, LocalDate to,
                         long minReferrals, Direction direction, Set<String> networks, int perNode, int maxNodes) {
        this(focus, hops, serviceLines, from, to, minReferrals, direction, networks, perNode, maxNodes, false);
    }

    /** One hop, every referral, the default limits: the explorer's first picture. */
    public static Neighbourhood around(String focus, LocalDate from, LocalDate to) {
        return new Neighbourhood(focus, 1, List.of(), from, to, 1, Direction.BOTH, Set.of(), DEFAULT_PER_NODE,
                DEFAULT_CAP);
    }

    public Neighbourhood withFocus(String id) {
        return new Neighbourhood(id, hops, serviceLines, from, to, minReferrals, direction, networks, perNode, maxNodes,
                communities);
    }

    /** The same request one or two hops out; an expansion asks for one hop and no communities. */
    public Neighbourhood withHops(int hopsOut) {
        return new Neighbourhood(focus, hopsOut, serviceLines, from, to, minReferrals, direction, networks, perNode,
                maxNodes, false);
    }
}
