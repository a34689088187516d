package org.liaisonprm.physician;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.liaisonprm.base.NetworkPicture;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds physicians, practices and facilities by what a person types: the explorer's search box and the
 * interaction log's "with whom" use it. Reads the {@code providerSearch} full-text index.
 */
@Service
public class ProviderSearch {

    private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

    private static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('providerSearch', $query) YIELD node AS n, score
            RETURN n.id AS id, labels(n) AS labels, n.name AS name,
                   CASE WHEN n:Physician THEN n.specialty WHEN n:Facility THEN n.type ELSE 'Practice' END AS detail,
                   n.city AS city, n.network AS network
            ORDER BY score DESC, n.name
            SKIP $offset LIMIT $limit
            """;

    private final Neo4jClient neo4j;

    ProviderSearch(Neo4jClient neo4j) {
        this.neo4j = neo4j;
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
                .mappedBy((types, row) -> new ProviderMatch(row.get("id").asString(),
                        NetworkPicture.Kind.of(row.get("labels").asList(Value::asString)), row.get("name").asString(""),
                        row.get("detail").asString(null), row.get("city").asString(null),
                        row.get("network").asString("OUT")))
                .all());
    }

    /** Turns what a person typed into a prefix query on every word, with Lucene's syntax escaped. */
    public static String luceneQuery(String text) {
        if (text == null || text.isBlank()) {
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
}
