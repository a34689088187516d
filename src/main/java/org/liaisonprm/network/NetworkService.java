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

    /** Neighbours beyond this many are left out of a picture (by referral volume). */
    public static final int DEFAULT_NEIGHBOURS = 40;

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

    private static final String NEIGHBOURHOOD_NODES = """
            MATCH (focus {id: $focus})
            WHERE focus:Physician OR focus:Practice OR focus:Facility
            WITH focus,
                 CASE WHEN focus:Practice
                      THEN COLLECT { MATCH (m:Physician)-[:PRACTICES_AT]->(focus) RETURN m }
                      ELSE [focus] END AS seeds
            CALL {
              WITH seeds
              UNWIND seeds AS s
              MATCH (s)-[r:REFERRED]-(other)
              WHERE r.periodStart >= $from AND r.periodStart < $to AND NOT other IN seeds
              WITH other, sum(r.referrals) AS volume
              ORDER BY volume DESC, other.id
              RETURN collect({node: other, volume: volume}) AS ranked
            }
            WITH focus, seeds, ranked[0..$limit] AS neighbours, size(ranked) > $limit AS truncated
            UNWIND [{node: focus, volume: 0}]
                   + [s IN seeds WHERE s <> focus | {node: s, volume: 0}]
                   + neighbours AS entry
            WITH entry.node AS n, entry.volume AS volume, truncated
            RETURN %s, volume, truncated
            """.formatted(NODE_FIELDS);

    private static final String NEIGHBOURHOOD_REFERRALS = """
            MATCH (a:Physician)-[r:REFERRED]->(b)
            WHERE a.id IN $ids AND b.id IN $ids AND r.periodStart >= $from AND r.periodStart < $to
            WITH a, b, sum(r.referrals) AS referrals, sum(r.patients) AS patients
            RETURN a.id AS source, b.id AS target, referrals, patients,
                   a.network IN ['IN', 'AFFILIATED'] AND b.network = 'OUT' AS leaking
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
     * The referral neighbourhood of one node: the node (for a practice, also its physicians), its busiest
     * referral partners in the period, and the aggregated referrals among all of them.
     */
    @Transactional(readOnly = true)
    public Optional<NetworkPicture> neighbourhood(String focusId, Period period, int maxNeighbours) {
        Map<String, Object> params = Map.of("focus", focusId, "from", period.from(), "to", period.to(),
                "limit", maxNeighbours);
        Collection<NodeRow> rows = neo4j.query(NEIGHBOURHOOD_NODES).bindAll(params)
                .fetchAs(NodeRow.class)
                .mappedBy((types, row) -> new NodeRow(node(row), row.get("truncated").asBoolean()))
                .all();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var nodes = rows.stream().map(NodeRow::node).toList();
        var ids = nodes.stream().map(NetworkPicture.Node::id).toList();
        Map<String, Object> edgeParams = Map.of("ids", ids, "from", period.from(), "to", period.to());
        var edges = new ArrayList<NetworkPicture.Edge>(neo4j.query(NEIGHBOURHOOD_REFERRALS).bindAll(edgeParams)
                .fetchAs(NetworkPicture.Edge.class)
                .mappedBy((types, row) -> new NetworkPicture.Edge(row.get("source").asString(),
                        row.get("target").asString(), "REFERRED", row.get("referrals").asLong(),
                        row.get("patients").asLong(), row.get("leaking").asBoolean()))
                .all());
        edges.addAll(neo4j.query(NEIGHBOURHOOD_MEMBERSHIPS).bindAll(Map.of("ids", ids))
                .fetchAs(NetworkPicture.Edge.class)
                .mappedBy((types, row) -> new NetworkPicture.Edge(row.get("source").asString(),
                        row.get("target").asString(), "PRACTICES_AT", 0, 0, false))
                .all());
        boolean truncated = rows.iterator().next().truncated();
        return Optional.of(new NetworkPicture(focusId, period.from(), period.to(), nodes, List.copyOf(edges),
                truncated));
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
