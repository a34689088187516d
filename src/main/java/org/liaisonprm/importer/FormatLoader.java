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
        Set<String> unknown = job.unknownNpis(npis);
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
