package org.liaisonprm.outreach;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.ReferralCalendar;
import org.liaisonprm.report.ReportProperties;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Early warnings (docs/outreach.md, "Alerts"), computed when {@link AlertSchedule} says so. Each has a reason a person can check and the figures behind
 * it. An alert goes to its owner (overdue follow-ups) or to the liaisons whose territories hold a ZIP code it
 * touches; managers and administrators see them all. An open alert that a computation no longer raises goes
 * away; dismissed ones and those turned into tasks stay, and the same alert (its key) is not raised again.
 */
@Service
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private static final Cypher DRIFT_CANDIDATES = Cypher.load("outreach/drift-candidates");
    private static final Cypher NETWORK_AT_RISK = Cypher.load("outreach/network-at-risk");
    private static final Cypher NEW_IN_MARKET = Cypher.load("outreach/new-in-market");
    private static final Cypher SPECIALTY_FLOW = Cypher.load("outreach/specialty-flow");
    private static final Cypher OVERDUE_FOLLOW_UPS = Cypher.load("outreach/overdue-follow-ups");
    private static final Cypher SAVE = Cypher.load("outreach/save-alerts");
    private static final Cypher RETIRE = Cypher.load("outreach/retire-alerts");
    private static final Cypher FIND = Cypher.load("outreach/find-alerts");
    private static final Cypher CLOSE = Cypher.load("outreach/close-alert");
    private static final Cypher RECORD_COMPUTED = Cypher.load("outreach/record-alerts-computed");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    private static final CurrentUser SYSTEM = new CurrentUser(null, java.util.Set.of(Role.ADMIN));
    static final int MAX_REASON = 500;

    private final Graph graph;
    private final ReferralCalendar calendar;
    private final Territories territories;
    private final Targets targets;
    private final Tasks tasks;
    private final AuditTrail audit;
    private final AlertProperties settings;
    private final ReportProperties revenue;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    Alerts(Graph graph, ReferralCalendar calendar, Territories territories, Targets targets, Tasks tasks,
           AuditTrail audit, AlertProperties settings, ReportProperties revenue) {
        this(graph, calendar, territories, targets, tasks, audit, settings, revenue, Clock.systemDefaultZone());
    }

    Alerts(Graph graph, ReferralCalendar calendar, Territories territories, Targets targets, Tasks tasks,
           AuditTrail audit, AlertProperties settings, ReportProperties revenue, Clock clock) {
        this.graph = graph;
        this.calendar = calendar;
        this.territories = territories;
        this.targets = targets;
        this.tasks = tasks;
        this.audit = audit;
        this.settings = settings;
        this.revenue = revenue;
        this.clock = clock;
    }

    /** Filters for {@link #find}; every field may be null. */
    public record Filter(AlertStatus status, AlertKind kind, String physicianId) {
        public static final Filter OPEN = new Filter(AlertStatus.OPEN, null, null);
    }

    /** What one computation raised, per kind. */
    public record Computed(Map<AlertKind, Integer> raised, long millis) {
        public int total() {
            return raised.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One alert as a computation raises it, before it is written. */
    record Raised(String key, AlertKind kind, String physicianId, String title, String reason, List<Alert.Figure> figures,
                  List<Alert.Referrer> referrers, List<String> zips, String owner, double rank) {
    }

    /** Computes every kind of alert and writes them, in one transaction. */
    public synchronized Computed refresh() {
        long started = System.nanoTime();
        LocalDate dataEnd = calendar.dataEnd();
        var raised = new ArrayList<Raised>();
        var stages = new StringBuilder();
        long mark = System.nanoTime();
        for (var rule : List.<java.util.function.Supplier<List<Raised>>>of(() -> drifting(dataEnd),
                () -> networkAtRisk(dataEnd), () -> newInMarket(dataEnd), this::overdueFollowUps, this::untouchedTargets)) {
            raised.addAll(rule.get());
            long now = System.nanoTime();
            stages.append(stages.isEmpty() ? "" : ", ").append((now - mark) / 1_000_000);
            mark = now;
        }
        ZonedDateTime at = ZonedDateTime.now(clock);
        String computation = java.util.UUID.randomUUID().toString();
        var rows = raised.stream().map(this::row).toList();
        graph.write(tx -> {
            for (int from = 0; from < rows.size(); from += 500) {
                tx.run(SAVE, Map.of("alerts", rows.subList(from, Math.min(rows.size(), from + 500)), "at", at,
                        "computation", computation));
            }
            tx.run(RETIRE, Map.of("computation", computation));
            tx.run(RECORD_COMPUTED, Map.of("at", at));
            return null;
        });
        var counts = new EnumMap<AlertKind, Integer>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            counts.put(kind, (int) raised.stream().filter(r -> r.kind() == kind).count());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Alerts computed in {} ms ({} ms per rule in the order of the kinds): {}", millis, stages, counts);
        return new Computed(counts, millis);
    }

    // ---------------------------------------------------------------------------------------------
    // The rules

    /** In-network and affiliated physicians whose kept referrals fell, or share out rose, beyond chance. */
    List<Raised> drifting(LocalDate dataEnd) {
        var drift = settings.drift();
        LocalDate recentFrom = dataEnd.minusMonths(drift.recentMonths());
        LocalDate from = recentFrom.minusMonths(drift.baselineMonths());
        var result = new ArrayList<Raised>();
        for (Record r : graph.read(DRIFT_CANDIDATES, Map.of("from", from, "recentFrom", recentFrom, "to", dataEnd), r -> r)) {
            long baselineKept = r.get("baselineKept").asLong();
            long baselineTotal = r.get("baselineTotal").asLong();
            long recentKept = r.get("recentKept").asLong();
            long recentTotal = r.get("recentTotal").asLong();
            var verdict = DriftStatistics.judge(baselineKept, baselineTotal, recentKept, recentTotal, drift);
            if (!verdict.drifting()) {
                continue;
            }
            String id = r.get("id").asString();
            String name = r.get("name").asString(id);
            String baselineSpan = MONTH.format(from) + " to " + MONTH.format(recentFrom.minusMonths(1));
            String recentSpan = MONTH.format(recentFrom) + " to " + MONTH.format(dataEnd.minusMonths(1));
            var reasons = new ArrayList<String>();
            if (verdict.keptFell()) {
                double fall = 1 - recentKept / verdict.expectedKept();
                reasons.add(String.format(Locale.US, "%s kept %,d referrals in network in %s, where %s predicts %,.0f "
                                + "(%.0f %% fewer); so few would happen by chance %s.", name, recentKept, recentSpan,
                        baselineSpan, verdict.expectedKept(), 100 * fall, chance(verdict.keptP())));
            }
            if (verdict.shareRose()) {
                reasons.add(String.format(Locale.US, "%s sent %.0f %% of referrals out of network in %s, against "
                                + "%.0f %% from %s; so many would leave by chance %s.", name, 100 * verdict.recentOut(),
                        recentSpan, 100 * verdict.baselineOut(), baselineSpan, chance(verdict.outP())));
            }
            var figures = List.of(
                    figure("Kept referrals a month, " + baselineSpan, String.format(Locale.US, "%.1f",
                            (double) baselineKept / drift.baselineMonths())),
                    figure("Kept referrals a month, " + recentSpan, String.format(Locale.US, "%.1f",
                            (double) recentKept / drift.recentMonths())),
                    figure("Kept referrals expected, " + recentSpan, String.format(Locale.US, "%,.0f", verdict.expectedKept())),
                    figure("Kept referrals seen, " + recentSpan, String.format(Locale.US, "%,d", recentKept)),
                    figure("Chance of so few kept", probability(verdict.keptP())),
                    figure("Share out of network, " + baselineSpan, percent(verdict.baselineOut())),
                    figure("Share out of network, " + recentSpan, percent(verdict.recentOut())),
                    figure("Chance of so many out", probability(verdict.outP())));
            result.add(new Raised("drift:" + id + ":" + dataEnd, AlertKind.DRIFTING_REFERRER, id,
                    name + " is referring less in network", String.join(" ", reasons), figures, List.of(),
                    zips(r.get("zip").asString(null)), null,
                    Math.max(verdict.expectedKept() - recentKept, recentTotal - recentKept)));
        }
        return result;
    }

    /** Physicians who left the network recently, with the in-network referrers who sent to them. */
    List<Raised> networkAtRisk(LocalDate dataEnd) {
        var atRisk = settings.atRisk();
        LocalDate from = dataEnd.minusMonths(atRisk.lookbackMonths());
        var p = new HashMap<String, Object>();
        p.put("since", LocalDate.now(clock).minusDays(atRisk.days()));
        p.put("from", from);
        p.put("to", dataEnd);
        p.put("revenuePerCase", revenue.revenuePerCase());
        p.put("defaultRevenuePerCase", revenue.defaultRevenuePerCase());
        var result = new ArrayList<Raised>();
        for (Record r : graph.read(NETWORK_AT_RISK, p, r -> r)) {
            String id = r.get("id").asString();
            String name = r.get("name").asString(id);
            var referrers = new ArrayList<Alert.Referrer>();
            var zips = new LinkedHashSet<String>(zips(r.get("zip").asString(null)));
            long referrals = 0;
            double money = 0;
            for (Value v : r.get("referrers").values()) {
                var referrer = new Alert.Referrer(v.get("id").asString(), v.get("name").asString(v.get("id").asString()),
                        v.get("referrals").asLong(), v.get("revenue").asDouble());
                referrers.add(referrer);
                referrals += referrer.referrals();
                money += referrer.revenue();
                if (!v.get("zip").isNull()) {
                    zips.add(v.get("zip").asString());
                }
            }
            var practices = r.get("practices").asList(Value::asString);
            var systems = r.get("systems").asList(Value::asString);
            LocalDate leftOn = r.get("leftOn").asLocalDate();
            String now = practices.isEmpty() ? "no practice in network" : String.join(", ", practices)
                    + (systems.isEmpty() ? "" : " (" + String.join(", ", systems) + ")");
            String span = MONTH.format(from) + " to " + MONTH.format(dataEnd.minusMonths(1));
            String reason = String.format(Locale.US, "%s%s left the network on %s and now practises at %s. %,d "
                            + "in-network referrers sent %,d referrals to them from %s, about %s a year, that leave "
                            + "the network unless those referrers choose an in-network %s instead.", name,
                    specialty(r.get("specialty").asString(null)), DAY.format(leftOn), now, referrers.size(), referrals,
                    span, money(money * 12.0 / atRisk.lookbackMonths()),
                    r.get("specialty").isNull() ? "colleague" : r.get("specialty").asString().toLowerCase(Locale.ROOT));
            var figures = List.of(
                    figure("Left the network on", DAY.format(leftOn)),
                    figure("Was", networkLabel(r.get("previousNetwork").asString(null))),
                    figure("Now practises at", now),
                    figure("Referrers at risk", String.format(Locale.US, "%,d", referrers.size())),
                    figure("Referrals at risk, " + span, String.format(Locale.US, "%,d", referrals)),
                    figure("Revenue at risk, " + span, money(money)));
            result.add(new Raised("network:" + id + ":" + leftOn, AlertKind.NETWORK_AT_RISK, id,
                    name + " left the network: " + referrers.size() + " referrers at risk", reason, figures,
                    List.copyOf(referrers), List.copyOf(zips), null, money));
        }
        return result;
    }

    /** Physicians of the territories first seen in the referral data lately, by how their specialty refers. */
    List<Raised> newInMarket(LocalDate dataEnd) {
        var newcomers = settings.newcomers();
        LocalDate since = dataEnd.minusMonths(newcomers.months());
        LocalDate yearFrom = dataEnd.minusMonths(12);
        record Flow(long physicians, long referrals, long kept) {
        }
        var flows = new HashMap<String, Flow>();
        for (Record r : graph.read(SPECIALTY_FLOW, Map.of("from", yearFrom, "to", dataEnd), r -> r)) {
            flows.put(r.get("specialty").asString(), new Flow(r.get("physicians").asLong(), r.get("referrals").asLong(),
                    r.get("kept").asLong()));
        }
        record Candidate(Raised raised, double rank) {
        }
        var candidates = new ArrayList<Candidate>();
        for (Record r : graph.read(NEW_IN_MARKET, Map.of("since", since), r -> r)) {
            String id = r.get("id").asString();
            String name = r.get("name").asString(id);
            String specialty = r.get("specialty").asString(null);
            Flow flow = specialty == null ? null : flows.get(specialty);
            double perPhysician = flow == null || flow.physicians() == 0 ? 0 : (double) flow.referrals() / flow.physicians();
            double outShare = flow == null || flow.referrals() == 0 ? 0 : 1 - (double) flow.kept() / flow.referrals();
            LocalDate firstSeen = r.get("firstSeen").asLocalDate();
            String reason = flow == null
                    ? String.format(Locale.US, "%s%s was first seen in the referral data in %s.", name,
                    specialty(specialty), MONTH.format(firstSeen))
                    : String.format(Locale.US, "%s%s was first seen in the referral data in %s. Over the last 12 months "
                                    + "a %s physician sent %,.0f referrals on average, %.0f %% of them out of network.",
                    name, specialty(specialty), MONTH.format(firstSeen), specialty.toLowerCase(Locale.ROOT), perPhysician,
                    100 * outShare);
            var figures = List.of(
                    figure("First seen in the referral data", MONTH.format(firstSeen)),
                    figure("Network", networkLabel(r.get("network").asString(null))),
                    figure("Referrals a year, average for the specialty", String.format(Locale.US, "%,.0f", perPhysician)),
                    figure("Share out of network, the specialty", percent(outShare)));
            double rank = perPhysician * Math.max(outShare, 0.05);
            candidates.add(new Candidate(new Raised("new:" + id, AlertKind.NEW_IN_MARKET, id,
                    name + " is new in the market", reason, figures, List.of(), zips(r.get("zip").asString(null)), null,
                    rank), rank));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::rank).reversed()
                .thenComparing(c -> c.raised().physicianId()));
        return candidates.stream().limit(newcomers.limit()).map(Candidate::raised).toList();
    }

    /** Follow-ups whose date has passed with nothing logged since: for the liaison who set them. */
    List<Raised> overdueFollowUps() {
        LocalDate today = LocalDate.now(clock);
        LocalDate before = today.minusDays(settings.followUps().graceDays());
        var result = new ArrayList<Raised>();
        for (Record r : graph.read(OVERDUE_FOLLOW_UPS, Map.of("before", before), r -> r)) {
            String targetId = r.get("targetId").asString();
            String name = r.get("targetName").asString(targetId);
            LocalDate due = r.get("followUpDate").asLocalDate();
            LocalDate date = r.get("date").asLocalDate();
            long days = ChronoUnit.DAYS.between(due, today);
            String outcome = r.get("outcome").asString(null);
            String type = InteractionType.valueOf(r.get("type").asString()).label().toLowerCase(Locale.ROOT);
            String reason = String.format(Locale.US, "A follow-up with %s was due on %s after the %s on %s%s; nothing "
                            + "has been logged with them since (%d days overdue).", name, DAY.format(due), type,
                    DAY.format(date), outcome == null ? "" : " (\u201c" + shorten(outcome, 120) + "\u201d)", days);
            var figures = List.of(figure("Follow-up due", DAY.format(due)), figure("Days overdue", String.valueOf(days)),
                    figure("Last interaction", DAY.format(date) + ", " + type));
            result.add(new Raised("follow-up:" + r.get("id").asString(), AlertKind.OVERDUE_FOLLOW_UP, targetId,
                    "Follow-up overdue: " + name, reason, figures, List.of(), zips(r.get("zip").asString(null)),
                    r.get("username").asString(), days));
        }
        return result;
    }

    /** The best targets of each territory that nobody has contacted within the recency window. */
    List<Raised> untouchedTargets() {
        var untouched = settings.untouched();
        String month = LocalDate.now(clock).withDayOfMonth(1).toString().substring(0, 7);
        var result = new ArrayList<Raised>();
        var seen = new java.util.HashSet<String>();
        var all = territories.visibleTo(SYSTEM);
        if (all.isEmpty()) {
            return result;
        }
        var byTerritory = targets.forTerritories(all.stream().map(Territory::id).toList(),
                new Targets.Filter(null, null, untouched.perTerritory()), SYSTEM);
        for (Territory territory : all) {
            for (Target t : byTerritory.get(territory.id())) {
                boolean quiet = t.daysSinceContact() == null || t.daysSinceContact() >= untouched.days();
                if (t.score() < untouched.minScore() || !quiet || !seen.add(t.physicianId())) {
                    continue;
                }
                String name = t.name() == null ? t.physicianId() : t.name();
                String contact = t.daysSinceContact() == null ? "nobody has contacted them yet"
                        : "the last interaction was " + t.daysSinceContact() + " days ago, on " + DAY.format(t.lastContact());
                String reason = String.format(Locale.US, "%s is among the best targets of %s (opportunity score %.0f of "
                                + "100): %s; %s.", name, territory.name(), t.score(), t.explanation(), contact);
                var figures = List.of(figure("Opportunity score", String.format(Locale.US, "%.0f", t.score())),
                        figure("Territory", territory.name()),
                        figure("Referrals kept, last 12 months", String.format(Locale.US, "%,d of %,d", t.kept(), t.referrals())),
                        figure("Leaked revenue, last 12 months", money(t.leakedRevenue())),
                        figure("Last interaction", t.lastContact() == null ? "never" : DAY.format(t.lastContact())));
                result.add(new Raised("untouched:" + t.physicianId() + ":" + month, AlertKind.TARGET_NOT_CONTACTED,
                        t.physicianId(), name + " has not been contacted", shorten(reason, 2 * MAX_REASON), figures,
                        List.of(), zips(t.zip()), null, t.score()));
            }
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------
    // Reading and acting on them

    /** The alerts the user may see, newest first. */
    public List<Alert> find(Filter filter, CurrentUser user, int limit) {
        return find(filter, null, user, limit);
    }

    private List<Alert> find(Filter filter, String id, CurrentUser user, int limit) {
        if (!user.doesOutreach()) {
            return List.of();
        }
        var p = new HashMap<String, Object>();
        p.put("id", id);
        p.put("username", user.username() == null ? "" : user.username());
        p.put("team", user.seesTeam());
        p.put("status", filter.status() == null ? null : filter.status().name());
        p.put("kind", filter.kind() == null ? null : filter.kind().name());
        p.put("targetId", filter.physicianId() == null || filter.physicianId().isBlank() ? null : filter.physicianId().strip());
        p.put("limit", limit);
        return graph.read(FIND, p, this::alert);
    }

    /** One alert, if the user may see it. */
    public Optional<Alert> find(String id, CurrentUser user) {
        return find(new Filter(null, null, null), id, user, 1).stream().findFirst();
    }

    /**
     * Dismisses an open alert, saying why.
     *
     * @throws OutreachException when the alert is not one the user may see, is no longer open, or no reason is given
     */
    public Alert dismiss(String id, String reason, CurrentUser user) {
        Alert alert = open(id, user);
        if (reason == null || reason.isBlank()) {
            throw new OutreachException("reason", "Say why the alert is dismissed, e.g. \u201cmoved away, told us so\u201d");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new OutreachException("reason", "A reason has at most " + MAX_REASON + " characters");
        }
        var p = new HashMap<String, Object>();
        p.put("id", id);
        p.put("status", AlertStatus.DISMISSED.name());
        p.put("username", user.username());
        p.put("reason", reason.strip());
        p.put("taskId", null);
        graph.write(CLOSE, p);
        audit.record(AuditType.ALERT_CHANGED, user.username(), id, "dismissed: " + alert.kind().label() + " about "
                + alert.physicianId() + ", because \u201c" + reason.strip() + "\u201d", null, null);
        return find(id, user).orElseThrow();
    }

    /**
     * Turns an open alert into a task owned by the user: the alert's title and reason, due in a week unless the
     * draft says otherwise.
     */
    public Task toTask(String id, TaskDraft draft, CurrentUser user) {
        Alert alert = open(id, user);
        var task = tasks.create(new TaskDraft(alert.physicianId(),
                draft != null && draft.title() != null && !draft.title().isBlank() ? draft.title() : alert.title(),
                draft != null && draft.due() != null ? draft.due() : LocalDate.now(clock).plusDays(7),
                draft != null && draft.notes() != null && !draft.notes().isBlank() ? draft.notes() : alert.reason(),
                TaskStatus.OPEN), alert.id(), user);
        var p = new HashMap<String, Object>();
        p.put("id", id);
        p.put("status", AlertStatus.TASK.name());
        p.put("username", user.username());
        p.put("reason", null);
        p.put("taskId", task.id());
        graph.write(CLOSE, p);
        audit.record(AuditType.ALERT_CHANGED, user.username(), id, "task created: " + alert.kind().label() + " about "
                + alert.physicianId() + ", task " + task.id(), null, null);
        return task;
    }

    private Alert open(String id, CurrentUser user) {
        Alert alert = find(id, user).orElseThrow(() -> new java.util.NoSuchElementException("There is no alert '" + id + "' you may see"));
        if (alert.status() != AlertStatus.OPEN) {
            throw new OutreachException("status", "The alert is " + alert.status().label().toLowerCase(Locale.ROOT)
                    + (alert.closedBy() == null ? "" : " (by " + alert.closedBy() + ")") + " already");
        }
        return alert;
    }

    // ---------------------------------------------------------------------------------------------

    private Map<String, Object> row(Raised r) {
        var row = new HashMap<String, Object>();
        row.put("key", r.key());
        row.put("kind", r.kind().name());
        row.put("targetId", r.physicianId());
        row.put("title", r.title());
        row.put("reason", r.reason());
        row.put("zips", r.zips());
        row.put("owner", r.owner());
        row.put("rank", r.rank());
        try {
            row.put("details", json.writeValueAsString(Map.of("figures", r.figures(), "referrers", r.referrers())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return row;
    }

    private Alert alert(Record r) {
        var x = r.get("x");
        List<Alert.Figure> figures = List.of();
        List<Alert.Referrer> referrers = List.of();
        try {
            var details = json.readTree(x.get("details").asString("{}"));
            figures = new ArrayList<>();
            for (var f : details.path("figures")) {
                figures.add(new Alert.Figure(f.path("label").asText(), f.path("value").asText()));
            }
            referrers = new ArrayList<>();
            for (var f : details.path("referrers")) {
                referrers.add(new Alert.Referrer(f.path("physicianId").asText(), f.path("name").asText(),
                        f.path("referrals").asLong(), f.path("revenue").asDouble()));
            }
        } catch (JsonProcessingException e) {
            log.warn("Alert {} holds unreadable details", x.get("id").asString());
        }
        return new Alert(x.get("id").asString(), AlertKind.valueOf(x.get("kind").asString()),
                AlertStatus.valueOf(x.get("status").asString()), x.get("targetId").asString(),
                r.get("targetName").asString(null), r.get("targetKind").asString(), x.get("title").asString(),
                x.get("reason").asString(), List.copyOf(figures), List.copyOf(referrers),
                r.get("recipients").asList(Value::asString), x.get("raisedAt").asZonedDateTime(null),
                x.get("closedBy").asString(null), x.get("dismissReason").asString(null), x.get("taskId").asString(null));
    }

    private static Alert.Figure figure(String label, String value) {
        return new Alert.Figure(label, value);
    }

    private static List<String> zips(String zip) {
        return zip == null ? List.of() : List.of(zip);
    }

    private static String specialty(String specialty) {
        return specialty == null ? "" : " (" + specialty + ")";
    }

    static String chance(double p) {
        return p < 0.001 ? "less than once in a thousand" : String.format(Locale.US, "with probability %.3f", p);
    }

    static String probability(double p) {
        return Double.isNaN(p) ? "not tested: too few referrals" : p < 0.001 ? "below 0.001" : String.format(Locale.US, "%.3f", p);
    }

    static String percent(double share) {
        return String.format(Locale.US, "%.0f %%", 100 * share);
    }

    static String money(double amount) {
        var format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    static String networkLabel(String network) {
        if (network == null) {
            return "unknown";
        }
        return switch (network) {
            case "IN" -> "In network";
            case "AFFILIATED" -> "Affiliated";
            case "OUT" -> "Out of network";
            default -> network;
        };
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
