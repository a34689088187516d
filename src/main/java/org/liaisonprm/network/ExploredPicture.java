package org.liaisonprm.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.liaisonprm.base.NetworkPicture;

/**
 * The picture the explorer shows: the one its filters drew, grown by expanding nodes and pruned by hiding
 * them. It remembers what each expansion added, so that collapsing a node takes back only what no other
 * expansion also brought, and what was hidden, so that a later expansion does not bring it back.
 */
final class ExploredPicture {

    private NetworkPicture picture;
    private final Map<String, Set<String>> expansions = new LinkedHashMap<>();
    private final Set<String> hidden = new LinkedHashSet<>();

    ExploredPicture(NetworkPicture drawn) {
        this.picture = drawn;
    }

    NetworkPicture picture() {
        return picture;
    }

    /** How many nodes were expanded (an expansion that added nothing counts too). */
    int expanded() {
        return expansions.size();
    }

    int hidden() {
        return hidden.size();
    }

    /**
     * Adds a node's own neighbourhood: its nodes not yet drawn nor hidden, while the picture holds fewer than
     * {@link Neighbourhood#HARD_CAP} nodes, and its flows between drawn nodes that are not drawn yet. The
     * picture is truncated when either was or when the cap left nodes out.
     *
     * @param around the node's neighbourhood with the same filters
     * @return the ids of the nodes added
     */
    Set<String> expand(String id, NetworkPicture around) {
        var nodes = new ArrayList<>(picture.nodes());
        var present = new HashSet<String>();
        nodes.forEach(n -> present.add(n.id()));
        var added = new LinkedHashSet<String>();
        boolean truncated = picture.truncated() || around.truncated();
        for (var node : around.nodes()) {
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
        var edges = new ArrayList<>(picture.edges());
        var keys = new HashSet<String>();
        edges.forEach(e -> keys.add(e.source() + "|" + e.target() + "|" + e.type()));
        for (var edge : around.edges()) {
            if (present.contains(edge.source()) && present.contains(edge.target())
                    && keys.add(edge.source() + "|" + edge.target() + "|" + edge.type())) {
                edges.add(edge);
            }
        }
        expansions.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(added);
        picture = new NetworkPicture(picture.focusId(), picture.from(), picture.to(), nodes, edges, truncated,
                picture.communities());
        return added;
    }

    /**
     * Takes back what expanding a node added, except what another expansion also added.
     *
     * @return false when the node was not expanded (nothing changes)
     */
    boolean collapse(String id) {
        var added = expansions.remove(id);
        if (added == null) {
            return false;
        }
        var stillAdded = new HashSet<String>();
        expansions.values().forEach(stillAdded::addAll);
        added.removeAll(stillAdded);
        picture = without(picture, added);
        return true;
    }

    /**
     * Hides a node and its flows; the focus stays.
     *
     * @return false for the focus (nothing changes)
     */
    boolean hide(String id) {
        if (id.equals(picture.focusId())) {
            return false;
        }
        hidden.add(id);
        picture = without(picture, Set.of(id));
        return true;
    }

    private static NetworkPicture without(NetworkPicture picture, Set<String> ids) {
        return new NetworkPicture(picture.focusId(), picture.from(), picture.to(),
                picture.nodes().stream().filter(n -> !ids.contains(n.id())).toList(),
                picture.edges().stream().filter(e -> !ids.contains(e.source()) && !ids.contains(e.target())).toList(),
                picture.truncated(), picture.communities());
    }
}
