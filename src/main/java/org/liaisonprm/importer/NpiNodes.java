package org.liaisonprm.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.liaisonprm.graph.Cypher;

/**
 * The nodes of the NPIs a referral file names, found or created batch by batch and remembered for the rest
 * of the load with their node ids (a dry run remembers none: its stubs go with each batch's transaction). An
 * organisation NPI, one a practice has, attaches to that practice; any other NPI to its physician, a stub when
 * new ({@code cypher/importer/referral-pair-stubs.cypher}).
 */
final class NpiNodes {

    private static final Cypher STUBS = Cypher.load("importer/referral-pair-stubs");

    /** NPIs remembered with their node ids (16 bytes each); forgotten when this many. */
    private static final int LIMIT = 2_000_000;

    private final ImportJob job;
    private final Map<String, Object> parameters;
    private final LongLongHashMap known = new LongLongHashMap();

    NpiNodes(ImportJob job, String source) {
        this.job = job;
        this.parameters = Map.of("source", source);
    }

    /**
     * Gives each row the node id of the NPI in each of {@code fields}, under the name the field maps to
     * ({@code from} → {@code a}).
     */
    List<Map<String, Object>> resolve(List<Map<String, Object>> rows, Map<String, String> fields) {
        if (job.bulk() != null) {
            return job.bulk().resolve(job, rows, fields, (String) parameters.get("source"));
        }
        var known = job.dryRun() ? new LongLongHashMap() : this.known;
        if (known.size() > LIMIT) {
            known.clear();
        }
        var stubs = new ArrayList<Map<String, Object>>();
        var asked = new LongHashSet();
        for (var row : rows) {
            for (String field : fields.keySet()) {
                String npi = (String) row.get(field);
                long number = Long.parseLong(npi);
                if (!known.containsKey(number) && asked.add(number)) {
                    stubs.add(Map.of("npi", npi));
                }
            }
        }
        for (var found : job.merge(STUBS, stubs, parameters)) {
            known.put(Long.parseLong(found.get("npi").asString()), found.get("id").asLong());
        }
        for (var row : rows) {
            fields.forEach((field, node) -> row.put(node, known.get(Long.parseLong((String) row.get(field)))));
        }
        return rows;
    }
}
