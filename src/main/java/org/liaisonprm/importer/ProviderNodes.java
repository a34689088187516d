package org.liaisonprm.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.liaisonprm.graph.Cypher;

/**
 * The nodes of the providers that derived referrals name, found or created batch by batch and remembered for
 * the rest of the load (a dry run remembers none: its stubs go with each batch's transaction). An organisation
 * NPI attaches to its practice ({@code cypher/importer/encounter-providers.cypher}).
 */
final class ProviderNodes {

    private static final Cypher PROVIDERS = Cypher.load("importer/encounter-providers");

    /** Providers remembered with their node ids; forgotten when this many (a market holds far fewer). */
    private static final int LIMIT = 1_000_000;

    private final ImportJob job;
    private final Map<String, Object> parameters;
    private final Map<String, Long> known = new HashMap<>();

    ProviderNodes(ImportJob job, String source) {
        this.job = job;
        this.parameters = Map.of("source", source);
    }

    /** Gives each row the node ids of its two providers ({@code a} for {@code from}, {@code b} for {@code to}). */
    void resolve(List<Map<String, Object>> rows, Map<String, String> npiOf) {
        var known = job.dryRun() ? new HashMap<String, Long>() : this.known;
        if (known.size() > LIMIT) {
            known.clear();
        }
        var asked = new HashSet<String>();
        var wanted = new ArrayList<Map<String, Object>>();
        for (var row : rows) {
            for (String field : List.of("from", "to")) {
                String id = (String) row.get(field);
                if (!known.containsKey(id) && asked.add(id)) {
                    var provider = new HashMap<String, Object>();
                    provider.put("id", id);
                    provider.put("npi", npiOf.get(id));
                    wanted.add(provider);
                }
            }
        }
        for (var found : job.merge(PROVIDERS, wanted, parameters)) {
            known.put(found.get("id").asString(), found.get("node").asLong());
        }
        for (var row : rows) {
            row.put("a", known.get((String) row.get("from")));
            row.put("b", known.get((String) row.get("to")));
        }
    }
}
