package org.liaisonprm.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.graph.ReferralCalendar;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads referral neighbourhoods. Read transactions only.
 */
@Service
public class NetworkService {

    /** Networks whose referrals to an out-of-network target count as leaking. */
    private static final Set<String> LEAKING_SOURCES = Set.of("IN", "AFFILIATED");

    private static final String NODE_FIELDS = """
            n.id AS id, labels(n) AS labels, n.name AS name,
            CASE WHEN n:Physician THEN n.specialty WHEN n:Facility THEN n.type ELSE 'Practice' END AS detail,
            n.city AS city, n.network AS network,
            head([(n)-[:EMPLOYED_BY|PRACTICES_AT|PART_OF*1..2]->(h:HealthSystem) | h.name]) AS healthSystem
            """;

    /** The physician, practice or facility with the id {@code $id}, found through the unique-id indexes. */
    static final String PROVIDER_BY_ID = """
            CALL () {
              MATCH (n:Physician {id: $id}) RETURN n
              UNION MATCH (n:Practice {id: $id}) RETURN n
              UNION MATCH (n:Facility {id: $id}) RETURN n
            }
            """;

    /**
     * The busiest partners of an expanded node {@code s} in the period, busiest first and one more than asked
     * (to tell whether some were left out), as [element id, volume] pairs; {@code exclude} holds the element ids
     * already in the picture. The filters on the partner come after summing, once per partner.
     */
    private static final String PARTNERS = """
            CALL (s, exclude) {
              MATCH (s)-[r:REFERRED]-(o)
              WHERE r.periodStart >= $from AND r.periodStart < $to
                AND (size($lines) = 0 OR r.serviceLine IN $lines)
                AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = s))
              WITH o, sum(r.referrals) AS volume
              WHERE volume >= $minReferrals AND (size($networks) = 0 OR o.network IN $networks)
                AND NOT elementId(o) IN exclude
              WITH o, volume
              ORDER BY volume DESC, o.id
              LIMIT $limit
              RETURN collect([elementId(o), volume]) AS partners
            }
            """;

    /**
     * The focus (for a practice, also its physicians) and the first hop: the partners of the practice's
     * physicians, or of the focus itself. No row when no provider has the id.
     */
    private static final String FIRST_HOP = PROVIDER_BY_ID + """
            WITH n LIMIT 1
            WITH n, CASE WHEN n:Practice THEN [(m:Physician)-[:PRACTICES_AT]->(n) | m] ELSE [] END AS members
            WITH n, members, [x IN [n] + members | elementId(x)] AS exclude
            UNWIND CASE WHEN size(members) = 0 THEN [n] ELSE members END AS s
            """ + PARTNERS + """
            RETURN elementId(n) AS focus, [m IN members | elementId(m)] AS members, elementId(s) AS source, partners
            """;

    /** A further hop: the partners of each node found at the hop before. */
    private static final String NEXT_HOP = """
            UNWIND $frontier AS source
            MATCH (s) WHERE elementId(s) = source
            WITH s, source, $exclude AS exclude
            """ + PARTNERS + """
            RETURN source, partners
            """;

    /**
     * Everything drawn, each node once: its fields; for a physician, what it sent to other drawn nodes in the
     * period (summed per target, [element id, referrals, patients]) and the drawn practices it works at. Each
     * physician's own referrals are read once, and whether a referral's target is drawn is a set lookup on the
     * node, made before any of the referral's properties are read.
     */
    private static final String DRAWN = """
            UNWIND $eids AS eid
            MATCH (n) WHERE elementId(n) = eid
            WITH collect(n) AS drawn
            UNWIND drawn AS n
            CALL (n, drawn) {
              MATCH (n:Physician)-[r:REFERRED]->(b)
              WHERE b IN drawn AND r.periodStart >= $from AND r.periodStart < $to
                AND (size($lines) = 0 OR r.serviceLine IN $lines)
              WITH b, sum(r.referrals) AS referrals, sum(r.patients) AS patients
              WHERE referrals >= $minReferrals
              RETURN collect([elementId(b), referrals, patients]) AS flows
            }
            RETURN elementId(n) AS eid, %s, flows,
                   [(n:Physician)-[:PRACTICES_AT]->(p:Practice) WHERE p IN drawn | elementId(p)] AS practices
            """.formatted(NODE_FIELDS);

    /** Louvain over the flows of one picture, projected for this call only and dropped afterwards. */
    private static final String COMMUNITIES = """
            UNWIND $flows AS flow
            MATCH (a) WHERE elementId(a) = flow[0]
            MATCH (b) WHERE elementId(b) = flow[1]
            WITH gds.graph.project($graphName, a, b, {relationshipProperties: {referrals: flow[2]}},
                                   {undirectedRelationshipTypes: ['*']}) AS projection
            CALL gds.louvain.stream($graphName, {relationshipWeightProperty: 'referrals'})
            YIELD nodeId, communityId
            RETURN gds.util.asNode(nodeId).id AS id, communityId
            """;

    private static final String TOP_REFERRERS = """
            MATCH (n:Physician)-[r:REFERRED]->()
            WHERE n.network IN ['IN', 'AFFILIATED'] AND r.periodStart >= $from AND r.periodStart < $to
            WITH n, sum(r.referrals) AS volume
            ORDER BY volume DESC LIMIT $limit
            RETURN %s, volume
            """.formatted(NODE_FIELDS);

    private final Neo4jClient neo4j;
    private final ReferralCalendar calendar;

    NetworkService(Neo4jClient neo4j, ReferralCalendar calendar) {
        this.neo4j = neo4j;
        this.calendar = calendar;
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
     * @return empty when no physician, practice or facility has the focus id
     */
    @Transactional(readOnly = true)
    public Optional<NetworkPicture> neighbourhood(Neighbourhood request) {
        // at most three queries whatever the size: the focus with the first hop, the second hop, everything drawn
        Map<String, Object> filters = Map.of("from", request.from(), "to", request.to(),
                "lines", request.serviceLines(), "direction", request.direction().name(),
                "networks", List.copyOf(request.networks()), "minReferrals", request.minReferrals(),
                "limit", request.perNode() + 1);
        var firstHop = rows(FIRST_HOP, plus(filters, Map.of("id", request.focus())));
        if (firstHop.isEmpty()) {
            return Optional.empty();
        }
        // volume of every node found, by the hop it was found at; LinkedHashMap keeps seeds first
        var order = new LinkedHashMap<String, Long>();
        order.put(firstHop.get(0).get("focus").asString(), 0L);
        firstHop.get(0).get("members").asList(Value::asString).forEach(member -> order.put(member, 0L));
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
                next.add(entry.getKey());
            }
            if (hop == request.hops() || next.isEmpty()) {
                break;
            }
            hopRows = rows(NEXT_HOP, plus(filters, Map.of("frontier", next, "exclude", List.copyOf(order.keySet()))));
        }

        List<String> eids = List.copyOf(order.keySet());
        var byEid = new HashMap<String, NetworkPicture.Node>();
        var referrals = new ArrayList<NetworkPicture.Edge>();
        var memberships = new ArrayList<NetworkPicture.Edge>();
        var flows = new ArrayList<List<Object>>();
        var drawn = rows(DRAWN, Map.of("eids", eids, "from", request.from(), "to", request.to(),
                "lines", request.serviceLines(), "minReferrals", Math.max(1, request.minReferrals())));
        drawn.forEach(row -> byEid.put(row.get("eid").asString(), node(row)));
        for (Record row : drawn) {
            String sourceEid = row.get("eid").asString();
            var source = byEid.get(sourceEid);
            for (Value flow : row.get("flows").values()) {
                String targetEid = flow.get(0).asString();
                var target = byEid.get(targetEid);
                long sent = flow.get(1).asLong();
                referrals.add(new NetworkPicture.Edge(source.id(), target.id(), "REFERRED", sent, flow.get(2).asLong(),
                        LEAKING_SOURCES.contains(source.network()) && "OUT".equals(target.network())));
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
                    node.network(), node.healthSystem(), order.get(eid));
        }).toList();
        var edges = new ArrayList<>(referrals);
        edges.addAll(memberships);
        var picture = new NetworkPicture(request.focus(), request.from(), request.to(), nodes, List.copyOf(edges),
                truncated);
        return Optional.of(request.communities() && !flows.isEmpty() ? picture.withCommunities(communities(flows))
                : picture);
    }

    private List<Record> rows(String cypher, Map<String, Object> parameters) {
        return List.copyOf(neo4j.query(cypher).bindAll(parameters).fetchAs(Record.class).mappedBy((t, r) -> r).all());
    }

    private static Map<String, Object> plus(Map<String, Object> filters, Map<String, Object> more) {
        var parameters = new HashMap<>(filters);
        parameters.putAll(more);
        return parameters;
    }

    private Map<String, Long> communities(List<List<Object>> flows) {
        String graphName = "liaison-explorer-" + java.util.UUID.randomUUID();
        try {
            var found = new java.util.HashMap<String, Long>();
            neo4j.query(COMMUNITIES).bindAll(Map.of("flows", flows, "graphName", graphName))
                    .fetchAs(Record.class).mappedBy((t, r) -> r).all()
                    .forEach(row -> found.put(row.get("id").asString(), row.get("communityId").asLong()));
            return found;
        } finally {
            neo4j.query("CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName")
                    .bind(graphName).to("graphName").run();
        }
    }

    /** The busiest in-network and affiliated referrers of the period: where a newcomer might start. */
    @Transactional(readOnly = true)
    public List<NetworkPicture.Node> topReferrers(Period period, int limit) {
        return List.copyOf(neo4j.query(TOP_REFERRERS)
                .bindAll(Map.of("from", period.from(), "to", period.to(), "limit", limit))
                .fetchAs(NetworkPicture.Node.class)
                .mappedBy((types, row) -> node(row))
                .all());
    }

    private static NetworkPicture.Node node(Record row) {
        return new NetworkPicture.Node(row.get("id").asString(), kind(row.get("labels")),
                row.get("name").asString(""), row.get("detail").asString(null), row.get("city").asString(null),
                row.get("network").asString("OUT"), row.get("healthSystem").asString(null),
                row.get("volume").asLong(0));
    }

    private static NetworkPicture.Kind kind(Value labels) {
        return NetworkPicture.Kind.of(labels.asList(Value::asString));
    }

    /** A period of whole months: {@code from} inclusive, {@code to} exclusive. */
    public record Period(LocalDate from, LocalDate to) {
    }
}
