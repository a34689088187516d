package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.NetworkPicture.Edge;
import org.liaisonprm.base.NetworkPicture.Node;

/**
 * Growing and pruning the explorer's picture, on hand-drawn pictures: F is the focus with partners A and B;
 * A's own neighbourhood holds F, A, B, C and D; B's holds F, B, C and E.
 */
class ExploredPictureTests {

    private static final LocalDate FROM = LocalDate.of(2025, 6, 1);
    private static final LocalDate TO = LocalDate.of(2026, 6, 1);

    private static Node node(String id) {
        return new Node(id, NetworkPicture.Kind.PHYSICIAN, "Dr " + id, "Cardiology", "Quincy", "IN", null, 1);
    }

    private static Edge flow(String source, String target) {
        return new Edge(source, target, "REFERRED", 5, 5, false);
    }

    private static NetworkPicture picture(String focus, List<String> nodes, List<Edge> edges, boolean truncated) {
        return new NetworkPicture(focus, FROM, TO, nodes.stream().map(ExploredPictureTests::node).toList(), edges,
                truncated, Map.of("F", 1L));
    }

    private static final NetworkPicture DRAWN = picture("F", List.of("F", "A", "B"),
            List.of(flow("F", "A"), flow("B", "F")), false);
    private static final NetworkPicture AROUND_A = picture("A", List.of("A", "F", "B", "C", "D"),
            List.of(flow("F", "A"), flow("A", "B"), flow("A", "C"), flow("D", "A"), flow("C", "X")), false);
    private static final NetworkPicture AROUND_B = picture("B", List.of("B", "F", "C", "E"),
            List.of(flow("B", "F"), flow("B", "C"), flow("E", "B")), true);

    private static List<String> ids(NetworkPicture picture) {
        return picture.nodes().stream().map(Node::id).toList();
    }

    private static List<String> flows(NetworkPicture picture) {
        return picture.edges().stream().map(e -> e.source() + ">" + e.target()).toList();
    }

    @Test
    void expandingAddsWhatIsNewAndTheFlowsAmongTheDrawn() {
        var explored = new ExploredPicture(DRAWN);
        assertThat(explored.picture()).isSameAs(DRAWN);
        assertThat(explored.expand("A", AROUND_A)).containsExactly("C", "D");
        var grown = explored.picture();
        assertThat(ids(grown)).containsExactly("F", "A", "B", "C", "D");
        assertThat(flows(grown)).as("F>A is drawn already; C>X leads out of the picture")
                .containsExactly("F>A", "B>F", "A>B", "A>C", "D>A");
        assertThat(grown.focusId()).isEqualTo("F");
        assertThat(grown.from()).isEqualTo(FROM);
        assertThat(grown.to()).isEqualTo(TO);
        assertThat(grown.communities()).isEqualTo(Map.of("F", 1L));
        assertThat(grown.truncated()).isFalse();
        assertThat(explored.expanded()).isEqualTo(1);

        assertThat(explored.expand("B", AROUND_B)).containsExactly("E");
        assertThat(flows(explored.picture())).endsWith("B>C", "E>B");
        assertThat(explored.picture().truncated()).as("B's neighbourhood was cut").isTrue();
        assertThat(explored.expanded()).isEqualTo(2);
    }

    @Test
    void expandingWhatBringsNothingNewStillCountsAsAnExpansion() {
        var explored = new ExploredPicture(DRAWN);
        assertThat(explored.expand("F", picture("F", List.of("F", "A"), List.of(flow("F", "A")), false))).isEmpty();
        assertThat(ids(explored.picture())).containsExactly("F", "A", "B");
        assertThat(explored.expanded()).isEqualTo(1);
    }

    @Test
    void collapsingTakesBackTheNodesAnExpansionAddedWithTheirFlows() {
        var explored = new ExploredPicture(DRAWN);
        explored.expand("A", AROUND_A);
        explored.expand("B", AROUND_B);
        assertThat(explored.collapse("F")).as("never expanded").isFalse();
        assertThat(explored.collapse("A")).isTrue();
        // C and D came with A (B found C drawn already); E came with B and stays. A>B joins nodes still drawn.
        assertThat(ids(explored.picture())).containsExactly("F", "A", "B", "E");
        assertThat(flows(explored.picture())).containsExactly("F>A", "B>F", "A>B", "E>B");
        assertThat(explored.expanded()).isEqualTo(1);
        assertThat(explored.collapse("A")).isFalse();
        assertThat(explored.collapse("B")).isTrue();
        assertThat(ids(explored.picture())).containsExactly("F", "A", "B");
        assertThat(explored.expanded()).isZero();
    }

    @Test
    void hiddenNodesGoWithTheirFlowsAndStayHidden() {
        var explored = new ExploredPicture(DRAWN);
        assertThat(explored.hide("F")).as("the focus stays").isFalse();
        assertThat(explored.hidden()).isZero();
        assertThat(explored.hide("B")).isTrue();
        assertThat(ids(explored.picture())).containsExactly("F", "A");
        assertThat(flows(explored.picture())).containsExactly("F>A");
        assertThat(explored.hidden()).isEqualTo(1);
        assertThat(explored.expand("A", AROUND_A)).as("B is not brought back").containsExactly("C", "D");
        assertThat(flows(explored.picture())).doesNotContain("A>B");
    }

    @Test
    void expandingStopsAtTheHardCap() {
        var many = new ArrayList<String>();
        many.add("F");
        for (int i = 1; i < Neighbourhood.HARD_CAP - 1; i++) {
            many.add("n" + i);
        }
        var explored = new ExploredPicture(picture("F", many, List.of(), false));
        assertThat(explored.expand("n1", picture("n1", List.of("n1", "x", "y", "z"), List.of(flow("x", "n1")), false)))
                .containsExactly("x");
        assertThat(explored.picture().nodes()).hasSize(Neighbourhood.HARD_CAP);
        assertThat(explored.picture().truncated()).isTrue();
        assertThat(flows(explored.picture())).containsExactly("x>n1");
    }
}
