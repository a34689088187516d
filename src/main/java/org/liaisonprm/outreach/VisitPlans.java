package org.liaisonprm.outreach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Weekly visit plans. Stops are kept in route order ({@link Route}) from the plan's start ZIP and laid
 * out over the weekdays left in the week ({@code liaison.outreach.plan.*}). A place without coordinates is put at the centre
 * of its ZIP code (the mean position of the providers there); one that has neither is refused.
 */
@Service
public class VisitPlans {

    private static final Cypher CREATE = Cypher.load("outreach/create-visit-plan");
    private static final Cypher PLAN_IDS = Cypher.load("outreach/visit-plan-ids");
    private static final Cypher MARK_DONE = Cypher.load("outreach/mark-stop-done");
    private static final Cypher WRITE_STOPS = Cypher.load("outreach/write-visit-plan-stops");
    private static final Cypher PLACE = Cypher.load("outreach/stop-place");
    private static final Cypher ZIP_CENTRE = Cypher.load("outreach/zip-centre");
    private static final Cypher PLAN = Cypher.load("outreach/visit-plan");
    private static final Cypher STOPS = Cypher.load("outreach/visit-plan-stops");

    private final Graph graph;
    private final Territories territories;
    private final OutreachProperties properties;
    private final java.time.Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    VisitPlans(Graph graph, Territories territories, OutreachProperties properties) {
        this(graph, territories, properties, java.time.Clock.systemDefaultZone());
    }

    VisitPlans(Graph graph, Territories territories, OutreachProperties properties, java.time.Clock clock) {
        this.graph = graph;
        this.territories = territories;
        this.properties = properties;
        this.clock = clock;
    }

    /** The Monday of the week a day falls in; on a Saturday or Sunday, the coming week's. */
    public static LocalDate weekOf(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The weekday visits of a week start on: today in the current week (the days gone by are not planned),
     * Monday otherwise.
     */
    int firstDay(LocalDate weekStart) {
        LocalDate today = LocalDate.now(clock);
        long offset = java.time.temporal.ChronoUnit.DAYS.between(weekStart, today);
        return offset > 0 && offset < 5 ? (int) offset : 0;
    }

    /** How many visits a week holds: the stops per day times the weekdays left in it. */
    public int maxStops(LocalDate weekStart) {
        return properties.plan().stopsPerDay() * (5 - firstDay(weekStart));
    }

    /** The user's plan for the week of {@code day}, created empty when there is none. */
    public VisitPlan planFor(CurrentUser user, LocalDate day) {
        if (!user.doesOutreach()) {
            throw new AccessDeniedException("Only liaisons, managers and administrators plan visits");
        }
        LocalDate week = weekOf(day);
        String startZip = territories.coveredBy(user.username()).stream()
                .flatMap(t -> t.zips().stream()).findFirst().orElse(null);
        graph.write(CREATE, Map.of("username", user.username(), "week", week, "id", UUID.randomUUID().toString(),
                "startZip", startZip == null ? "" : startZip));
        return plans(user.username()).stream().filter(p -> p.weekStart().equals(week)).findFirst().orElseThrow();
    }

    /** A user's plans, newest week first. */
    public List<VisitPlan> plans(String username) {
        var ids = graph.read(PLAN_IDS, Map.of("username", username), r -> r.get("id").asString());
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    /** A plan, when the user may see it: its owner, administrators and managers. */
    public Optional<VisitPlan> find(String id, CurrentUser user) {
        return load(id).filter(p -> user.seesTeam() || p.owner().equals(user.username()));
    }

    /**
     * Adds stops and orders the route again, all or nothing.
     *
     * @throws OutreachException naming the place that cannot be added and why
     */
    public VisitPlan addStops(String planId, List<String> targetIds, CurrentUser user) {
        VisitPlan plan = editable(planId, user);
        var ids = new ArrayList<String>();
        for (var stop : plan.stops()) {
            ids.add(stop.targetId());
        }
        for (String id : targetIds) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        int room = maxStops(plan.weekStart());
        if (ids.size() > room) {
            throw new OutreachException("stops", "The week of " + plan.weekStart() + " holds at most " + room
                    + " visits (" + properties.plan().stopsPerDay() + " a day on the weekdays left); this would make "
                    + ids.size() + ". Plan the rest for next week.");
        }
        var done = new HashMap<String, VisitPlan.Stop>();
        plan.stops().stream().filter(VisitPlan.Stop::done).forEach(s -> done.put(s.targetId(), s));
        return write(plan, ids, plan.startZip(), done, pins(plan));
    }

    public VisitPlan removeStop(String planId, String targetId, CurrentUser user) {
        VisitPlan plan = editable(planId, user);
        var ids = plan.stops().stream().map(VisitPlan.Stop::targetId).filter(id -> !id.equals(targetId)).toList();
        var done = new HashMap<String, VisitPlan.Stop>();
        plan.stops().stream().filter(VisitPlan.Stop::done).forEach(s -> done.put(s.targetId(), s));
        var pins = pins(plan);
        pins.remove(targetId);
        return write(plan, ids, plan.startZip(), done, pins);
    }

    /** Moves the route's start to the centre of a ZIP code and orders the route again. */
    public VisitPlan startAt(String planId, String zip, CurrentUser user) {
        VisitPlan plan = editable(planId, user);
        String code = zip == null ? "" : zip.strip();
        if (!code.matches("\\d{5}")) {
            throw new OutreachException("startZip", "'" + code + "' is not a 5-digit ZIP code");
        }
        var done = new HashMap<String, VisitPlan.Stop>();
        plan.stops().stream().filter(VisitPlan.Stop::done).forEach(s -> done.put(s.targetId(), s));
        return write(plan, plan.stops().stream().map(VisitPlan.Stop::targetId).toList(), code, done, pins(plan));
    }

    /**
     * Gives a stop a day and time of the plan's week; the stops are kept in time order, and the route
     * follows them.
     *
     * @param at null lets the route choose the stop's time again
     * @throws OutreachException when the time lies outside the plan's week or the plan has no such stop
     */
    public VisitPlan schedule(String planId, String targetId, LocalDateTime at, CurrentUser user) {
        VisitPlan plan = editable(planId, user);
        if (plan.stops().stream().noneMatch(s -> s.targetId().equals(targetId))) {
            throw new OutreachException("stops", "The plan has no stop at '" + targetId + "'");
        }
        if (at != null && (at.toLocalDate().isBefore(plan.weekStart()) || !at.toLocalDate().isBefore(plan.weekStart().plusDays(7)))) {
            throw new OutreachException("plannedAt", "A visit in the week of " + plan.weekStart() + " is planned between "
                    + plan.weekStart() + " and " + plan.weekStart().plusDays(6) + ", not on " + at.toLocalDate());
        }
        var pins = pins(plan);
        if (at == null) {
            pins.remove(targetId);
        } else {
            pins.put(targetId, at);
        }
        return write(plan, plan.stops().stream().map(VisitPlan.Stop::targetId).toList(), plan.startZip(), done(plan), pins);
    }

    /**
     * Moves a stop one place earlier ({@code -1}) or later ({@code +1}): it swaps days and times with its
     * neighbour, and both keep them.
     */
    public VisitPlan move(String planId, String targetId, int step, CurrentUser user) {
        VisitPlan plan = editable(planId, user);
        var stops = plan.stops();
        int from = -1;
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i).targetId().equals(targetId)) {
                from = i;
            }
        }
        int to = from + Integer.signum(step);
        if (from < 0 || to < 0 || to >= stops.size()) {
            return plan;
        }
        var a = stops.get(from);
        var b = stops.get(to);
        var pins = pins(plan);
        LocalDateTime earlier = a.plannedAt().isBefore(b.plannedAt()) ? a.plannedAt() : b.plannedAt();
        LocalDateTime later = a.plannedAt().isBefore(b.plannedAt()) ? b.plannedAt() : a.plannedAt();
        if (earlier.equals(later)) {
            later = later.plusMinutes(1);
        }
        // the moved stop takes the neighbour's place in time
        pins.put(a.targetId(), to > from ? later : earlier);
        pins.put(b.targetId(), to > from ? earlier : later);
        return write(plan, stops.stream().map(VisitPlan.Stop::targetId).toList(), plan.startZip(), done(plan), pins);
    }

    private static Map<String, VisitPlan.Stop> done(VisitPlan plan) {
        var done = new HashMap<String, VisitPlan.Stop>();
        plan.stops().stream().filter(VisitPlan.Stop::done).forEach(s -> done.put(s.targetId(), s));
        return done;
    }

    /** The stops whose day and time the liaison chose. */
    private static Map<String, LocalDateTime> pins(VisitPlan plan) {
        var pins = new HashMap<String, LocalDateTime>();
        plan.stops().stream().filter(VisitPlan.Stop::pinned).forEach(s -> pins.put(s.targetId(), s.plannedAt()));
        return pins;
    }

    /** Marks a stop visited, linking the interaction logged for it. */
    public VisitPlan markDone(String planId, String targetId, String interactionId, CurrentUser user) {
        editable(planId, user);
        graph.write(MARK_DONE, Map.of("id", planId, "targetId", targetId, "interactionId", interactionId));
        return load(planId).orElseThrow();
    }

    private VisitPlan editable(String planId, CurrentUser user) {
        VisitPlan plan = load(planId).orElseThrow(() -> new OutreachException("plan", "There is no plan '" + planId + "'"));
        if (!plan.owner().equals(user.username()) && !user.isAdmin()) {
            throw new AccessDeniedException("Only the liaison whose plan it is changes it");
        }
        return plan;
    }

    /**
     * Orders the route and writes the stops: a pinned stop keeps its time; the others take the day's slots
     * in route order, skipping the times pinned stops hold; then the stops are numbered in time order.
     */
    private VisitPlan write(VisitPlan plan, List<String> ids, String startZip, Map<String, VisitPlan.Stop> done,
                            Map<String, LocalDateTime> pinned) {
        graph.write(tx -> {
            var places = new ArrayList<Place>();
            for (String id : ids) {
                places.add(place(tx, id));
            }
            Route.Point start = startZip == null || startZip.isBlank() ? null : zipCentre(tx, startZip);
            if (start == null && startZip != null && !startZip.isBlank()) {
                throw new OutreachException("startZip", "No place in the graph lies in ZIP " + startZip
                        + ", so its centre is unknown; choose another start ZIP");
            }
            var points = places.stream().map(Place::point).toList();
            if (start == null) {
                start = points.isEmpty() ? new Route.Point(0, 0) : points.get(0);
            }
            List<Integer> order = Route.order(start, points);
            var held = new java.util.HashSet<>(pinned.values());
            var stops = new ArrayList<Map<String, Object>>();
            int slot = 0;
            for (int k = 0; k < order.size(); k++) {
                Place place = places.get(order.get(k));
                var stop = new HashMap<String, Object>();
                LocalDateTime at = pinned.get(place.id());
                if (at == null) {
                    while (held.contains(plannedAt(plan.weekStart(), slot))) {
                        slot++;
                    }
                    at = plannedAt(plan.weekStart(), slot++);
                }
                stop.put("targetId", place.id());
                stop.put("plannedAt", at);
                stop.put("pinned", pinned.containsKey(place.id()));
                stop.put("done", done.containsKey(place.id()));
                stop.put("interactionId", done.containsKey(place.id()) ? done.get(place.id()).interactionId() : null);
                stops.add(stop);
            }
            stops.sort(java.util.Comparator.comparing(stop -> (LocalDateTime) stop.get("plannedAt")));
            for (int k = 0; k < stops.size(); k++) {
                stops.get(k).put("order", k + 1);
            }
            tx.run(WRITE_STOPS, Map.of("id", plan.id(), "startZip", startZip == null ? "" : startZip, "stops", stops));
            return null;
        });
        return load(plan.id()).orElseThrow();
    }

    LocalDateTime plannedAt(LocalDate weekStart, int index) {
        var plan = properties.plan();
        int day = firstDay(weekStart) + index / plan.stopsPerDay();
        int slot = index % plan.stopsPerDay();
        return weekStart.plusDays(day).atTime(plan.firstVisit()).plusMinutes((long) slot * plan.spacing());
    }

    private record Place(String id, String name, Route.Point point) {
    }

    private Place place(Graph.Tx tx, String id) {
        var found = tx.list(PLACE, Map.of("id", id), r -> r);
        if (found.isEmpty()) {
            throw new OutreachException("stops", "There is no physician or practice with id '" + id + "'");
        }
        Record r = found.get(0);
        String name = r.get("name").asString(id);
        if (!r.get("lat").isNull() && !r.get("lon").isNull()) {
            return new Place(id, name, new Route.Point(r.get("lat").asDouble(), r.get("lon").asDouble()));
        }
        String zip = r.get("zip").asString(null);
        Route.Point centre = zip == null ? null : zipCentre(tx, zip);
        if (centre == null) {
            throw new OutreachException("stops", name + " has no coordinates" + (zip == null ? " and no ZIP code"
                    : " and no other place in ZIP " + zip + " has any") + ", so it cannot be put on the route");
        }
        return new Place(id, name, centre);
    }

    /** The mean position of the providers and facilities in a ZIP code, or null when none has coordinates. */
    private static Route.Point zipCentre(Graph.Tx tx, String zip) {
        var r = tx.first(ZIP_CENTRE, Map.of("zip", zip), row -> row).orElseThrow();
        return r.get("n").asLong() == 0 ? null : new Route.Point(r.get("lat").asDouble(), r.get("lon").asDouble());
    }

    private Optional<VisitPlan> load(String id) {
        return graph.read(tx -> {
            var head = tx.list(PLAN, Map.of("id", id), r -> r);
            if (head.isEmpty()) {
                return Optional.<VisitPlan>empty();
            }
            Value v = head.get(0).get("v");
            String startZip = v.get("startZip").asString("");
            Route.Point start = startZip.isBlank() ? null : zipCentre(tx, startZip);
            var records = tx.list(STOPS, Map.of("id", id), r -> r);
            var stops = new ArrayList<VisitPlan.Stop>();
            for (Record r : records) {
                Value s = r.get("s");
                boolean own = !r.get("lat").isNull() && !r.get("lon").isNull();
                Route.Point at = own ? new Route.Point(r.get("lat").asDouble(), r.get("lon").asDouble())
                        : zipCentre(tx, r.get("zip").asString(""));
                stops.add(new VisitPlan.Stop(s.get("order").asInt(), r.get("id").asString(), r.get("name").asString(null),
                        r.get("kind").asString(), r.get("specialty").asString(null), r.get("address").asString(null),
                        r.get("city").asString(null), r.get("zip").asString(null), at == null ? 0 : at.lat(),
                        at == null ? 0 : at.lon(), own ? "address" : "ZIP centre",
                        s.get("plannedAt").asLocalDateTime(), s.get("done").asBoolean(false),
                        s.get("interactionId").asString(null), s.get("pinned").asBoolean(false)));
            }
            double km = 0;
            Route.Point here = start != null ? start
                    : stops.isEmpty() ? null : new Route.Point(stops.get(0).lat(), stops.get(0).lon());
            for (var stop : stops) {
                var point = new Route.Point(stop.lat(), stop.lon());
                km += Route.km(here, point);
                here = point;
            }
            return Optional.of(new VisitPlan(id, v.get("owner").asString(), v.get("weekStart").asLocalDate(),
                    startZip.isBlank() ? null : startZip, start == null ? null : start.lat(),
                    start == null ? null : start.lon(), List.copyOf(stops), km));
        });
    }
}
