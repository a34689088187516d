package org.liaisonprm.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.liaisonprm.graph.ReferralCalendar;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads referral neighbourhoods and searches providers for the explorer. Read transactions only.
 */
@Service
public class NetworkService {

    private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

    private static final String NODE_FIELDS = """
            n.id AS id, labels(n) AS labels, n.name AS name,
            CASE WHEN n:Physician THEN n.specialty WHEN n:Facility THEN n.type ELSE 'Practice' END AS detail,
            n.city AS city, n.network AS network,
            head([(n)-[:EMPLOYED_BY|PRACTICES_AT|PART_OF*1..2]->(h:HealthSystem) | h.name]) AS healthSystem
            """;

    private static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('providerSearch', $query) YIELD node AS n, score
            RETURN %s
            ORDER BY score DESC, n.name
            SKIP $offset LIMIT $limit
            """.formatted(NODE_FIELDS);

    /** The physician, practice or facility with the id {@code $id}, found through the unique-id indexes. */
    static final String PROVIDER_BY_ID = """
            CALL () {
              MATCH (n:Physician {id: $id}) RETURN n
              UNION MATCH (n:Practice {id: $id}) RETURN n
              UNION MATCH (n:Facility {id: $id}) RETURN n
            }
            """;

    private static final String FOCUS = PROVIDER_BY_ID + """
            RETURN elementId(n) AS eid,
                   CASE WHEN n:Practice THEN [(m:Physician)-[:PRACTICES_AT]->(n) | elementId(m)] ELSE [] END AS members
            LIMIT 1
            """;

    /** Each frontier node's busiest partners (one more than asked, to tell whether some were left out). */
    private static final String EXPAND = """
            UNWIND $frontier AS eid
            MATCH (s) WHERE elementId(s) = eid
            CALL (s) {
              MATCH (s)-[r:REFERRED]-(o)
              WHERE r.periodStart >= $from AND r.periodStart < $to
                AND (size($lines) = 0 OR r.serviceLine IN $lines)
                AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = s))
                AND (size($networks) = 0 OR o.network IN $networks)
                AND NOT elementId(o) IN $exclude
              WITH o, sum(r.referrals) AS volume
              WHERE volume >= $minReferrals
              RETURN elementId(o) AS partner, volume
              ORDER BY volume DESC, o.id
              LIMIT $limit
            }
            RETURN eid AS source, partner, volume
            """;

    private static final String NODES = """
            UNWIND $eids AS eid
            MATCH (n) WHERE elementId(n) = eid
            RETURN eid, %s
            """.formatted(NODE_FIELDS);

    private static final String NEIGHBOURHOOD_REFERRALS = """
            UNWIND $eids AS eid
            MATCH (a:Physician) WHERE elementId(a) = eid
            MATCH (a)-[r:REFERRED]->(b)
            WHERE r.periodStart >= $from AND r.periodStart < $to AND elementId(b) IN $eids
              AND (size($lines) = 0 OR r.serviceLine IN $lines)
            WITH a, b, sum(r.referrals) AS referrals, sum(r.patients) AS patients
            WHERE referrals >= $minReferrals
            RETURN a.id AS source, b.id AS target, referrals, patients,
                   a.network IN ['IN', 'AFFILIATED'] AND b.network = 'OUT' AS leaking,
                   elementId(a) AS sourceEid, elementId(b) AS targetEid
            """;

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

    private static final String NEIGHBOURHOOD_MEMBERSHIPS = """
            MATCH (m:Physician)-[:PRACTICES_AT]->(p:Practice)
            WHERE m.id IN $ids AND p.id IN $ids
            RETURN m.id AS source, p.id AS target
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

    /**
     * Finds physicians, practices and facilities whose name, NPI, id, specialty or city start with the
     * words typed.
     */
    @Transactional(readOnly = true)
    public List<ProviderMatch> search(String text, int offset, int limit) {
        String query = luceneQuery(text);
        if (query.isEmpty()) {
            return List.of();
        }
        return List.copyOf(neo4j.query(SEARCH)
                .bindAll(Map.of("query", query, "offset", offset, "limit", limit))
                .fetchAs(ProviderMatch.class)
                .mappedBy((types, row) -> match(row))
                .all());
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
        var focus = neo4j.query(FOCUS).bind(request.focus()).to("id")
                .fetchAs(Record.class).mappedBy((types, row) -> row).one();
        if (focus.isEmpty()) {
            return Optional.empty();
        }
        String focusEid = focus.get().get("eid").asString();
        List<String> members = focus.get().get("members").asList(Value::asString);
        var seeds = new ArrayList<String>();
        seeds.add(focusEid);
        seeds.addAll(members);
        List<String> frontier = members.isEmpty() ? List.of(focusEid) : members;

        // volume of every node found, by the hop it was found at; LinkedHashMap keeps seeds first
        var order = new java.util.LinkedHashMap<String, Long>();
        seeds.forEach(seed -> order.put(seed, 0L));
        boolean truncated = false;
        for (int hop = 1; hop <= request.hops() && !frontier.isEmpty(); hop++) {
            var found = new java.util.HashMap<String, Long>();
            var perSource = new java.util.HashMap<String, Integer>();
            Map<String, Object> params = new java.util.HashMap<>(Map.of("frontier", frontier,
                    "from", request.from(), "to", request.to(), "lines", request.serviceLines(),
                    "direction", request.direction().name(), "networks", List.copyOf(request.networks()),
                    "exclude", List.copyOf(order.keySet()), "minReferrals", request.minReferrals(),
                    "limit", request.perNode() + 1));
            for (Record row : neo4j.query(EXPAND).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).all()) {
                String source = row.get("source").asString();
                if (perSource.merge(source, 1, Integer::sum) > request.perNode()) {
                    truncated = true;
                    continue;
                }
                found.merge(row.get("partner").asString(), row.get("volume").asLong(), Long::sum);
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
            frontier = next;
        }

        List<String> eids = List.copyOf(order.keySet());
        var byEid = new java.util.HashMap<String, NetworkPicture.Node>();
        for (Record row : neo4j.query(NODES).bind(eids).to("eids").fetchAs(Record.class).mappedBy((t, r) -> r).all()) {
            var node = node(row);
            String eid = row.get("eid").asString();
            byEid.put(eid, new NetworkPicture.Node(node.id(), node.kind(), node.name(), node.detail(), node.city(),
                    node.network(), node.healthSystem(), order.get(eid)));
        }
        var nodes = eids.stream().map(byEid::get).filter(java.util.Objects::nonNull).toList();
        var ids = nodes.stream().map(NetworkPicture.Node::id).toList();
        Map<String, Object> edgeParams = Map.of("eids", eids, "from", request.from(), "to", request.to(),
                "lines", request.serviceLines(), "minReferrals", Math.max(1, request.minReferrals()));
        var edges = new ArrayList<NetworkPicture.Edge>();
        var flows = new ArrayList<List<Object>>();
        for (Record row : neo4j.query(NEIGHBOURHOOD_REFERRALS).bindAll(edgeParams).fetchAs(Record.class)
                .mappedBy((t, r) -> r).all()) {
            edges.add(new NetworkPicture.Edge(row.get("source").asString(), row.get("target").asString(), "REFERRED",
                    row.get("referrals").asLong(), row.get("patients").asLong(), row.get("leaking").asBoolean()));
            flows.add(List.of(row.get("sourceEid").asString(), row.get("targetEid").asString(),
                    row.get("referrals").asLong()));
        }
        edges.addAll(neo4j.query(NEIGHBOURHOOD_MEMBERSHIPS).bindAll(Map.of("ids", ids))
                .fetchAs(NetworkPicture.Edge.class)
                .mappedBy((types, row) -> new NetworkPicture.Edge(row.get("source").asString(),
                        row.get("target").asString(), "PRACTICES_AT", 0, 0, false))
                .all());
        var picture = new NetworkPicture(request.focus(), request.from(), request.to(), nodes, List.copyOf(edges),
                truncated);
        return Optional.of(request.communities() && !flows.isEmpty() ? picture.withCommunities(communities(flows))
                : picture);
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

    /** Turns what a person typed into a prefix query on every word, with Lucene's syntax escaped. */
    static String luceneQuery(String text) {
        if (text == null) {
            return "";
        }
        var terms = new ArrayList<String>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                terms.add(LUCENE_SPECIAL.matcher(word).replaceAll("\\\\$1") + "*");
            }
        }
        return String.join(" AND ", terms);
    }

    private static ProviderMatch match(Record row) {
        return new ProviderMatch(row.get("id").asString(), kind(row.get("labels")), row.get("name").asString(""),
                row.get("detail").asString(null), row.get("city").asString(null), row.get("network").asString("OUT"));
    }

    private static NetworkPicture.Node node(Record row) {
        return new NetworkPicture.Node(row.get("id").asString(), kind(row.get("labels")),
                row.get("name").asString(""), row.get("detail").asString(null), row.get("city").asString(null),
                row.get("network").asString("OUT"), row.get("healthSystem").asString(null),
                row.get("volume").asLong(0));
    }

    private static NetworkPicture.Kind kind(Value labels) {
        List<String> names = labels.asList(Value::asString);
        if (names.contains("Physician")) {
            return NetworkPicture.Kind.PHYSICIAN;
        }
        return names.contains("Practice") ? NetworkPicture.Kind.PRACTICE : NetworkPicture.Kind.FACILITY;
    }

    private record NodeRow(NetworkPicture.Node node, boolean truncated) {
    }

    /** A period of whole months: {@code from} inclusive, {@code to} exclusive. */
    public record Period(LocalDate from, LocalDate to) {
    }
}
