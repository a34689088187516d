package org.liaisonprm.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.GraphAnswers;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralCalendar;
import org.liaisonprm.report.ReportProperties;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Reads referral neighbourhoods. Read transactions only.
 */
@Service
public class NetworkService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NetworkService.class);

    private static final Cypher FIRST_HOP = Cypher.load("network/first-hop");
    private static final Cypher NEXT_HOP = Cypher.load("network/next-hop");
    private static final Cypher DRAWN = Cypher.load("network/drawn");
    private static final Cypher COMMUNITIES = Cypher.load("network/communities");
    private static final Cypher DROP_PROJECTION = Cypher.load("network/drop-projection");
    private static final Cypher TOP_REFERRERS = Cypher.load("network/top-referrers");

    private final Graph graph;
    private final GraphAnswers answers;
    private final ReferralCalendar calendar;
    private final ReportProperties revenue;

    NetworkService(Graph graph, GraphAnswers answers, ReferralCalendar calendar, ReportProperties revenue) {
        this.graph = graph;
        this.answers = answers;
        this.calendar = calendar;
        this.revenue = revenue;
    }

    /** The twelve months up to the latest month holding referrals; the last twelve months when there are none. */
    public Period defaultPeriod() {
        LocalDate to = calendar.dataEnd();
        return new Period(to.minusMonths(12), to);
    }

    /**
     * The referral neighbourhood of one node with one hop and every referral: the node (for a practice,
     * also its physicians), its busiest {@code maxNeighbours} partners in the period, and the aggregated
     * referrals among all of them.
     */
    public Optional<NetworkPicture> neighbourhood(String focusId, Period period, int maxNeighbours) {
        return neighbourhood(new Neighbourhood(focusId, 1, List.of(), period.from(), period.to(), 1,
                Neighbourhood.Direction.BOTH, java.util.Set.of(), maxNeighbours, Neighbourhood.HARD_CAP));
    }

    /**
     * The part of the referral network a request asks for: the focus (for a practice, also its physicians),
     * each expanded node's busiest partners hop by hop, cut at {@code maxNodes} (busiest first), and the
     * referrals among everything drawn. {@code truncated} says when partners were left out.
     *
     * Pictures are reused while the graph has not changed: they hold nothing that depends on who asks (every
     * role that may open the explorer sees the whole referral network).
     *
     * @return empty when no physician, practice or facility has the focus id
     */
    public Optional<NetworkPicture> neighbourhood(Neighbourhood request) {
        return answers.get("neighbourhood", request,
                // a drawn node holds about eight values' worth of memory, an edge about three
                picture -> picture.map(p -> 8L * p.nodes().size() + 3L * p.edges().size()).orElse(1L),
                () -> graph.read(tx -> neighbourhood(tx, request)));
    }

    private Optional<NetworkPicture> neighbourhood(Graph.Tx tx, Neighbourhood request) {
        // at most three queries whatever the size: the focus with the first hop, the second hop, everything drawn
        Map<String, Object> filters = Map.of("from", request.from(), "to", request.to(),
                "lines", request.serviceLines(), "direction", request.direction().name(),
                "networks", List.copyOf(request.networks()), "minReferrals", request.minReferrals(),
                "limit", request.perNode() + 1);
        long started = System.nanoTime();
        var firstHop = rows(tx, FIRST_HOP, plus(filters, Map.of("id", request.focus())));
        long firstHopDone = System.nanoTime();
        if (firstHop.isEmpty()) {
            return Optional.empty();
        }
        // volume of every node found, by the hop it was found at; LinkedHashMap keeps seeds first
        var order = new LinkedHashMap<String, Long>();
        var hopOf = new HashMap<String, Integer>();
        order.put(firstHop.get(0).get("focus").asString(), 0L);
        firstHop.get(0).get("members").asList(Value::asString).forEach(member -> order.put(member, 0L));
        order.keySet().forEach(eid -> hopOf.put(eid, 0));
        boolean truncated = false;
        List<Record> hopRows = firstHop;
        for (int hop = 1; ; hop++) {
            var found = new HashMap<String, Long>();
            for (Record row : hopRows) {
                List<Value> partners = row.get("partners").asList(partner -> partner);
                truncated |= partners.size() > request.perNode();
                partners.stream().limit(request.perNode()).forEach(partner ->
                        found.merge(partner.get(0).asString(), partner.get(1).asLong(), Long::sum));
            }
            var ranked = found.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .toList();
            var next = new ArrayList<String>();
            for (var entry : ranked) {
                if (order.size() >= request.maxNodes()) {
                    truncated = true;
                    break;
                }
                order.put(entry.getKey(), entry.getValue());
                hopOf.put(entry.getKey(), hop);
                next.add(entry.getKey());
            }
            if (hop == request.hops() || next.isEmpty()) {
                break;
            }
            hopRows = rows(tx, NEXT_HOP, plus(filters, Map.of("frontier", next, "exclude", List.copyOf(order.keySet()))));
        }

        long hopsDone = System.nanoTime();
        List<String> eids = List.copyOf(order.keySet());
        var byEid = new HashMap<String, NetworkPicture.Node>();
        var referrals = new ArrayList<NetworkPicture.Edge>();
        var memberships = new ArrayList<NetworkPicture.Edge>();
        var flows = new ArrayList<List<Object>>();
        var drawn = rows(tx, DRAWN, Map.of("eids", eids, "from", request.from(), "to", request.to(),
                "lines", request.serviceLines(), "minReferrals", Math.max(1, request.minReferrals()),
                "revenuePerCase", revenue.revenuePerCase(), "defaultRevenuePerCase", revenue.defaultRevenuePerCase()));
        long drawnDone = System.nanoTime();
        drawn.forEach(row -> byEid.put(row.get("eid").asString(), node(row)));
        for (Record row : drawn) {
            String sourceEid = row.get("eid").asString();
            var source = byEid.get(sourceEid);
            for (Value flow : row.get("flows").values()) {
                String targetEid = flow.get(0).asString();
                var target = byEid.get(targetEid);
                long sent = flow.get(1).asLong();
                boolean leaking = NetworkMembership.inNetwork(source.network()) && "OUT".equals(target.network());
                referrals.add(new NetworkPicture.Edge(source.id(), target.id(), "REFERRED", sent, flow.get(2).asLong(),
                        leaking, leaking ? sent : 0, leaking ? flow.get(3).asDouble() : 0));
                flows.add(List.of(sourceEid, targetEid, sent));
            }
            for (Value practice : row.get("practices").values()) {
                memberships.add(new NetworkPicture.Edge(source.id(), byEid.get(practice.asString()).id(), "PRACTICES_AT",
                        0, 0, false));
            }
        }
        var nodes = eids.stream().filter(byEid::containsKey).map(eid -> {
            var node = byEid.get(eid);
            return new NetworkPicture.Node(node.id(), node.kind(), node.name(), node.detail(), node.city(),
                    node.network(), node.healthSystem(), order.get(eid), hopOf.get(eid), node.practiceId(),
                    node.practice(), null, 0);
        }).toList();
        var edges = new ArrayList<>(referrals);
        edges.addAll(memberships);
        var picture = new NetworkPicture(request.focus(), request.from(), request.to(), nodes, List.copyOf(edges),
                truncated);
        if (log.isDebugEnabled()) {
            log.debug("Neighbourhood of {} at {} hops, {} nodes, {} edges: first hop {} ms, further hops {} ms, "
                            + "drawn {} ms, assembled {} ms", request.focus(), request.hops(), nodes.size(), edges.size(),
                    (firstHopDone - started) / 1_000_000, (hopsDone - firstHopDone) / 1_000_000,
                    (drawnDone - hopsDone) / 1_000_000, (System.nanoTime() - drawnDone) / 1_000_000);
        }
        return Optional.of(request.communities() && !flows.isEmpty() ? picture.withCommunities(communities(tx, flows))
                : picture);
    }

    private static List<Record> rows(Graph.Tx tx, Cypher statement, Map<String, Object> parameters) {
        return List.copyOf(tx.list(statement, parameters, row -> row));
    }

    private static Map<String, Object> plus(Map<String, Object> filters, Map<String, Object> more) {
        var parameters = new HashMap<>(filters);
        parameters.putAll(more);
        return parameters;
    }

    private static Map<String, Long> communities(Graph.Tx tx, List<List<Object>> flows) {
        String graphName = "liaison-explorer-" + java.util.UUID.randomUUID();
        try {
            var found = new java.util.HashMap<String, Long>();
            tx.list(COMMUNITIES, Map.of("flows", flows, "graphName", graphName), row -> row)
                    .forEach(row -> found.put(row.get("id").asString(), row.get("communityId").asLong()));
            return found;
        } finally {
            tx.run(DROP_PROJECTION, Map.of("graphName", graphName));
        }
    }

    /** The busiest in-network and affiliated referrers of the period: where a newcomer might start. */
    public List<NetworkPicture.Node> topReferrers(Period period, int limit) {
        return List.copyOf(graph.read(TOP_REFERRERS, Map.of("from", period.from(), "to", period.to(), "limit", limit),
                NetworkService::node));
    }

    private static NetworkPicture.Node node(Record row) {
        return new NetworkPicture.Node(row.get("id").asString(), kind(row.get("labels")),
                row.get("name").asString(""), org.liaisonprm.base.FacilityType.detailOf(row.get("detail").asString(null)), row.get("city").asString(null),
                row.get("network").asString("OUT"), row.get("healthSystem").asString(null),
                row.get("volume").asLong(0), 1, optional(row, "practiceId"), optional(row, "practice"), null, 0);
    }

    private static String optional(Record row, String key) {
        return row.containsKey(key) ? row.get(key).asString(null) : null;
    }

    private static NetworkPicture.Kind kind(Value labels) {
        return NetworkPicture.Kind.of(labels.asList(Value::asString));
    }

    /** A period of whole months: {@code from} inclusive, {@code to} exclusive. */
    public record Period(LocalDate from, LocalDate to) {
    }
}
