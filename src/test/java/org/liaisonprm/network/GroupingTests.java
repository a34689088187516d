package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.base.NetworkPicture.Edge;
import org.liaisonprm.base.NetworkPicture.Kind;
import org.liaisonprm.base.NetworkPicture.Node;

/**
 * Grouping a hand-made picture: focus F, its partner P (hop 1), and beyond it S1, S2 (Summit, out of network,
 * practice SP), R1 (Riverbend, in network, practice RP), I1 (independent, out of network, no practice).
 * Flows: F->P 10, P->S1 6 (leaking), P->S2 4 (leaking), P->R1 5, S1->S2 3, R1->S1 2 (leaking), I1->P 1.
 */
class GroupingTests {

    private static final NetworkPicture PICTURE = new NetworkPicture("F", LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 2, 1), List.of(
            node("F", 0, "IN", "Riverbend", "RP", 20),
            node("P", 1, "IN", "Riverbend", "RP", 10),
            node("S1", 2, "OUT", "Summit", "SP", 6),
            node("S2", 2, "OUT", "Summit", "SP", 4),
            node("R1", 2, "IN", "Riverbend", "RP", 5),
            node("I1", 2, "OUT", null, null, 1)),
            List.of(flow("F", "P", 10, false), flow("P", "S1", 6, true), flow("P", "S2", 4, true),
                    flow("P", "R1", 5, false), flow("S1", "S2", 3, false), flow("R1", "S1", 2, true),
                    flow("I1", "P", 1, false)),
            false, Map.of("F", 1L, "P", 1L, "S1", 2L, "S2", 2L, "R1", 1L, "I1", 2L));

    @Test
    void groupsOnlyWhatLiesBeyondTheFirstHopAndSumsTheFlowsBetweenWhatIsDrawn() {
        var grouped = Grouping.SYSTEM.apply(PICTURE, Set.of());

        // Summit's two members become one group; R1 alone in Riverbend and I1 alone stay themselves
        assertThat(grouped.nodes()).extracting(Node::id).containsExactly("F", "P", "group:system:Summit", "R1", "I1");
        var summit = grouped.nodes().get(2);
        assertThat(summit.kind()).isEqualTo(Kind.GROUP);
        assertThat(summit.name()).isEqualTo("Summit");
        assertThat(summit.members()).isEqualTo(2);
        assertThat(summit.volume()).isEqualTo(10);
        assertThat(summit.network()).isEqualTo("OUT");
        // P->S1 6 and P->S2 4 are one edge of 10, all leaking; S1->S2 lies inside the group and is left out
        assertThat(grouped.edges()).extracting(e -> e.source() + ">" + e.target() + " " + e.referrals() + "/"
                + e.leakingReferrals()).containsExactlyInAnyOrder("F>P 10/0", "P>group:system:Summit 10/10",
                "P>R1 5/0", "R1>group:system:Summit 2/2", "I1>P 1/0");
        assertThat(grouped.referrals()).isEqualTo(PICTURE.referrals() - 3);
    }

    @Test
    void anOpenGroupIsDrawnAsItsMembersAndClosingItRestoresThePicture() {
        var closed = Grouping.SYSTEM.apply(PICTURE, Set.of());
        var open = Grouping.SYSTEM.apply(PICTURE, Set.of("system:Summit"));

        assertThat(open.nodes()).extracting(Node::id).containsExactly("F", "P", "S1", "S2", "R1", "I1");
        assertThat(open.nodes()).filteredOn(n -> n.id().startsWith("S")).extracting(Node::group)
                .containsOnly("system:Summit");
        assertThat(open.referrals()).isEqualTo(PICTURE.referrals());
        assertThat(Grouping.SYSTEM.apply(PICTURE, Set.of())).isEqualTo(closed);
    }

    @Test
    void eachGroupingHasItsOwnKey() {
        assertThat(Grouping.PRACTICE.apply(PICTURE, Set.of()).nodes()).extracting(Node::id)
                .containsExactly("F", "P", "group:practice:SP", "R1", "I1");
        assertThat(Grouping.NETWORK.apply(PICTURE, Set.of()).nodes()).extracting(Node::id)
                .containsExactly("F", "P", "group:network:OUT", "R1");
        assertThat(Grouping.NETWORK.apply(PICTURE, Set.of()).nodes().get(2).name()).isEqualTo("Out of network");
        // community 2 holds S1, S2 and I1; R1 is alone beyond the first hop in community 1
        var communities = Grouping.COMMUNITY.apply(PICTURE, Set.of());
        assertThat(communities.nodes()).extracting(Node::id).containsExactly("F", "P", "group:community:2", "R1");
        assertThat(communities.communities()).containsEntry("group:community:2", 2L);
        assertThat(Grouping.NONE.apply(PICTURE, Set.of())).isSameAs(PICTURE);
    }

    @Test
    void readsItsNameFromAnAddressInAnyCase() {
        assertThat(Grouping.parse("Practice")).contains(Grouping.PRACTICE);
        assertThat(Grouping.parse(" none ")).contains(Grouping.NONE);
        assertThat(Grouping.parse("zip")).isEmpty();
        assertThat(Grouping.parse(null)).isEmpty();
        assertThat(Grouping.keyOfGroupId("group:system:Summit")).contains("system:Summit");
        assertThat(Grouping.keyOfGroupId("1234567893")).isEmpty();
    }

    private static Node node(String id, int hop, String network, String system, String practiceId, long volume) {
        return new Node(id, Kind.PHYSICIAN, id + " name", "Cardiology", "Quincy", network, system, volume, hop,
                practiceId, practiceId == null ? null : practiceId + " practice", null, 0);
    }

    private static Edge flow(String source, String target, long referrals, boolean leaking) {
        return new Edge(source, target, "REFERRED", referrals, referrals, leaking);
    }
}
