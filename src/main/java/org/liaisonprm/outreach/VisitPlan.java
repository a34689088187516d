package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A liaison's plan for one week: {@code (:User)-[:PLANS]->(:VisitPlan)-[:STOP {order, plannedAt}]->(target)}.
 *
 * @param weekStart the Monday of the week
 * @param startZip  where the route starts (the centre of this ZIP code)
 * @param routeKm   straight-line length of the route from the start through the stops
 */
public record VisitPlan(String id, String owner, LocalDate weekStart, String startZip, Double startLat,
                        Double startLon, List<Stop> stops, double routeKm) {

    /**
     * One planned visit.
     *
     * @param located {@code address} when the place has its own coordinates, {@code ZIP centre} when it was
     *                placed at the centre of its ZIP code
     * @param pinned  the liaison chose the day and time (or moved the stop); the route takes the rest around it
     */
    public record Stop(int order, String targetId, String name, String kind, String specialty, String address,
                       String city, String zip, double lat, double lon, String located, LocalDateTime plannedAt,
                       boolean done, String interactionId, boolean pinned) {
    }

    public long done() {
        return stops.stream().filter(Stop::done).count();
    }
}
