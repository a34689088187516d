package org.liaisonprm.outreach;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders visits from a start point: nearest neighbour, then 2-opt until no reversal of a stretch shortens
 * the path. Distances are great-circle ("straight line"); the path starts at the start point and ends at
 * the last stop (no return leg).
 */
public final class Route {

    private Route() {
    }

    /** A point in WGS 84 degrees. */
    public record Point(double lat, double lon) {
    }

    /**
     * The visiting order as indexes into {@code stops}.
     */
    public static List<Integer> order(Point start, List<Point> stops) {
        int n = stops.size();
        var path = new ArrayList<Integer>();
        var visited = new boolean[n];
        Point here = start;
        for (int step = 0; step < n; step++) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (!visited[i]) {
                    double d = km(here, stops.get(i));
                    if (d < bestDistance) {
                        best = i;
                        bestDistance = d;
                    }
                }
            }
            visited[best] = true;
            path.add(best);
            here = stops.get(best);
        }
        improve(start, stops, path);
        return path;
    }

    /** Total length in kilometres of the path from the start through the stops in this order. */
    public static double length(Point start, List<Point> stops, List<Integer> order) {
        double total = 0;
        Point here = start;
        for (int i : order) {
            total += km(here, stops.get(i));
            here = stops.get(i);
        }
        return total;
    }

    /** 2-opt on an open path with a fixed start: reverse path[i..j] while that shortens it. */
    private static void improve(Point start, List<Point> stops, List<Integer> path) {
        int n = path.size();
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i = 0; i < n - 1; i++) {
                Point before = i == 0 ? start : stops.get(path.get(i - 1));
                for (int j = i + 1; j < n; j++) {
                    Point first = stops.get(path.get(i));
                    Point last = stops.get(path.get(j));
                    double removed = km(before, first);
                    double added = km(before, last);
                    if (j < n - 1) {
                        Point after = stops.get(path.get(j + 1));
                        removed += km(last, after);
                        added += km(first, after);
                    }
                    if (added < removed - 1e-9) {
                        reverse(path, i, j);
                        improved = true;
                    }
                }
            }
        }
    }

    private static void reverse(List<Integer> path, int i, int j) {
        while (i < j) {
            Integer swap = path.get(i);
            path.set(i, path.get(j));
            path.set(j, swap);
            i++;
            j--;
        }
    }

    /** Great-circle distance in kilometres. */
    public static double km(Point a, Point b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
    }
}
