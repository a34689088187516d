package org.liaisonprm.physician;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Finds physicians, practices and facilities by what a person types: the explorer's search box and the
 * interaction log's "with whom" use it. Reads the {@code providerSearch} full-text index.
 */
@Service
public class ProviderSearch {

    private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

    private static final Cypher SEARCH = Cypher.load("physician/search-providers");

    private final Graph graph;

    ProviderSearch(Graph graph) {
        this.graph = graph;
    }

    /**
     * Finds physicians, practices and facilities whose name, NPI, id, specialty or city start with the
     * words typed.
     */
    public List<ProviderMatch> search(String text, int offset, int limit) {
        String query = luceneQuery(text);
        if (query.isEmpty()) {
            return List.of();
        }
        return List.copyOf(graph.read(SEARCH, Map.of("query", query, "offset", offset, "limit", limit),
                row -> new ProviderMatch(row.get("id").asString(),
                        NetworkPicture.Kind.of(row.get("labels").asList(Value::asString)), row.get("name").asString(""),
                        org.liaisonprm.base.FacilityType.detailOf(row.get("detail").asString(null)), row.get("city").asString(null),
                        row.get("network").asString("OUT"))));
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
