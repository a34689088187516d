package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The route heuristic on points worked out by hand. Near the equator a hundredth of a degree is about 1.11 km
 * both ways, so the points below are (x, y) grid points scaled by 0.01°.
 */
class RouteTests {

    private static Route.Point at(double x, double y) {
        return new Route.Point(y * 0.01, x * 0.01);
    }

    @Test
    void nearestNeighbourAloneFollowsALineInOrder() {
        var stops = List.of(at(3, 0), at(1, 0), at(2, 0), at(10, 0));
        assertThat(Route.order(at(0, 0), stops)).containsExactly(1, 2, 0, 3);
    }

    /**
     * Start (0,0); P0 (1,3), P1 (1,0), P2 (0,2), P3 (3,-2), P4 (-2,2). Nearest neighbour goes P1 (1), P2 (√5),
     * P0 (√2), P4 (√10), P3 (√41): 14.22 grid units. 2-opt reverses P1..P4 to P4 (√8), P2 (2), P0 (√2), P1 (3),
     * P3 (√8): 12.07, which is also the best of all 120 orders.
     */
    @Test
    void twoOptUntanglesTheNearestNeighbourPath() {
        var start = at(0, 0);
        var stops = List.of(at(1, 3), at(1, 0), at(0, 2), at(3, -2), at(-2, 2));
        var order = Route.order(start, stops);
        assertThat(order).containsExactly(4, 2, 0, 1, 3);
        double unit = Route.km(at(0, 0), at(1, 0));
        assertThat(Route.length(start, stops, List.of(1, 2, 0, 4, 3)) / unit).isCloseTo(14.216, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Route.length(start, stops, order) / unit).isCloseTo(12.071, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Route.length(start, stops, order)).isLessThanOrEqualTo(best(start, stops) + 1e-9);
    }

    @Test
    void emptyAndSingleStopRoutes() {
        assertThat(Route.order(at(0, 0), List.of())).isEmpty();
        assertThat(Route.order(at(0, 0), List.of(at(5, 5)))).containsExactly(0);
    }

    private static double best(Route.Point start, List<Route.Point> stops) {
        var best = new double[]{Double.MAX_VALUE};
        permute(new ArrayList<>(), stops.size(), order -> best[0] = Math.min(best[0], Route.length(start, stops, order)));
        return best[0];
    }

    private static void permute(List<Integer> prefix, int n, java.util.function.Consumer<List<Integer>> each) {
        if (prefix.size() == n) {
            each.accept(prefix);
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!prefix.contains(i)) {
                prefix.add(i);
                permute(prefix, n, each);
                prefix.remove(prefix.size() - 1);
            }
        }
    }
}
