package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one format: checks the header (refusing the whole file before anything is written), checks
 * every row, writes the good ones in batches and reports the rest.
 */
interface FormatLoader {

    /** Creates a physician known only by its NPI, for a file that names one the graph does not hold yet. */
    String MERGE_PHYSICIAN = """
            MERGE (%1$s:Physician {npi: %2$s})
              ON CREATE SET %1$s.id = %2$s, %1$s.name = 'NPI ' + %2$s, %1$s.stub = true, %1$s.active = true,
                            %1$s.network = 'OUT', %1$s.source = $source
            """;

    /** A physician merged on its NPI as variable {@code name} from the row field {@code field}. */
    static String mergePhysician(String name, String field) {
        return MERGE_PHYSICIAN.formatted(name, field);
    }

    /**
     * Writes {@code REFERRED} from {@code a} to {@code b} for one period and service line, keeping one
     * relationship per source, target, period and service line: an existing one is updated, else one is
     * created; afterwards {@code duplicate} says whether this import had already written it (an earlier row
     * of the same file). Expects {@code a}, {@code b}, {@code r} (with {@code r.values}) and {@code line} in
     * scope; {@code start} and {@code end} are expressions for the period.
     * <p>
     * Not a MERGE: the planner serves a relationship MERGE from the {@code periodStart} index, scanning every
     * relationship of the period for each row (quadratic: hours for a million rows). Comparing a list keeps
     * the lookup to the pair's own relationships. Rows of one batch must name distinct keys (the loaders
     * see to it), because all lookups of a batch run before its writes.
     */
    static String upsertReferral(String start, String end) {
        return """
                CALL (a, b, r, line) {
                  OPTIONAL MATCH (a)-[found:REFERRED]->(b) WHERE [found.periodStart, found.serviceLine] = [%1$s, line]
                  RETURN found AS x LIMIT 1
                }
                WITH a, b, r, line, x, coalesce(x.importId = $importId, false) AS duplicate
                CALL (a, b, r, line, x) {
                  WITH * WHERE x IS NULL
                  CREATE (a)-[n:REFERRED {periodStart: %1$s, serviceLine: line}]->(b)
                  SET n += r.values, n.periodEnd = %2$s, n.source = $source, n.importId = $importId
                }
                CALL (r, x, duplicate) {
                  WITH * WHERE x IS NOT NULL AND NOT duplicate
                  SET x += r.values, x.periodEnd = %2$s, x.source = $source, x.importId = $importId
                }
                """.formatted(start, end);
    }

    void load(Path path, ImportJob job);

    /**
     * With {@code --unknown-npi=refuse}: refuses the pending rows that name an NPI the graph does not hold,
     * returns the rest. {@code fields} maps the row fields holding NPIs to the file's column names; each
     * row holds its line under {@code line}.
     */
    static List<Map<String, Object>> withoutUnknownNpis(ImportJob job, List<Map<String, Object>> rows,
                                                        Map<String, String> fields) {
        if (!job.options().refuseUnknown() || rows.isEmpty()) {
            return rows;
        }
        var npis = new HashSet<String>();
        for (var row : rows) {
            for (String field : fields.keySet()) {
                npis.add((String) row.get(field));
            }
        }
        Set<String> unknown = new HashSet<>(job.strings("""
                UNWIND $npis AS npi
                WITH npi WHERE NOT EXISTS { MATCH (:Physician {npi: npi}) }
                RETURN npi
                """, Map.of("npis", new ArrayList<>(npis)), "npi"));
        if (unknown.isEmpty()) {
            return rows;
        }
        var kept = new ArrayList<Map<String, Object>>();
        for (var row : rows) {
            String missing = fields.keySet().stream().filter(f -> unknown.contains((String) row.get(f))).findFirst().orElse(null);
            if (missing == null) {
                kept.add(row);
            } else {
                job.refuseAccepted((Long) row.get("line"), fields.get(missing), (String) row.get(missing),
                        "unknown NPI: no physician with it in the graph (--unknown-npi=refuse)");
            }
        }
        return kept;
    }
}
