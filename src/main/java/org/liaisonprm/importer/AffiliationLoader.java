package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.liaisonprm.graph.Cypher;

/**
 * CMS Doctors &amp; Clinicians Facility Affiliation: {@code (:Physician)-[:AFFILIATED_WITH]->(:Facility)} by
 * NPI and CMS Certification Number. A facility not loaded yet is created as a stub that a hospitals or
 * POS load fills in; an unknown NPI follows {@code --unknown-npi}.
 */
final class AffiliationLoader implements FormatLoader {

    static final String NPI = "NPI";
    static final String TYPE = "facility_type";
    static final String CCN = "Facility Affiliations Certification Number";
    static final String TYPE_CCN = "Facility Type Certification Number";

    private static final Cypher WRITE = Cypher.load("importer/affiliations");

    @Override
    public void load(Path path, ImportJob job) {
        try (CsvRows rows = job.open(path)) {
            var header = ImportJob.requireColumns(rows, path, NPI, TYPE, CCN);
            int npiAt = header.index(NPI);
            int typeAt = header.index(TYPE);
            int ccnAt = header.index(CCN);
            int typeCcnAt = header.index(TYPE_CCN);
            var parameters = Map.<String, Object>of("source", "facility-affiliation");
            var repeats = job.repeats(Repeats.Key.of(r -> affiliationKey((String) r.get("npi"), (String) r.get("ccn"))));
            List<Map<String, Object>> pending = new ArrayList<>();
            CsvRows.Row row;
            while ((row = rows.next()) != null) {
                job.rowRead();
                try {
                    String npi = Fields.npi(NPI, row.get(npiAt));
                    String ccn = Fields.text(CCN, row.get(ccnAt));
                    String column = CCN;
                    if (ccn == null) {
                        ccn = Fields.text(TYPE_CCN, row.get(typeCcnAt));
                        column = TYPE_CCN;
                    }
                    if (ccn == null) {
                        throw new RowRefused(CCN, "", "no certification number (CCN) for the facility");
                    }
                    ccn = FacilityLoader.ccn(column, ccn);
                    String type = facilityType(Fields.text(TYPE, row.get(typeAt)));
                    pending.add(Map.of("npi", npi, "ccn", ccn, "type", type, "line", row.line()));
                    job.accepted();
                } catch (RowRefused problem) {
                    job.refuse(row.line(), problem);
                }
                if (pending.size() >= job.batch()) {
                    write(job, pending, parameters, repeats);
                    pending = new ArrayList<>();
                }
            }
            write(job, pending, parameters, repeats);
        }
    }

    private static void write(ImportJob job, List<Map<String, Object>> pending, Map<String, Object> parameters,
                              Repeats repeats) {
        var rows = FormatLoader.withoutUnknownNpis(job, pending, Map.of("npi", NPI));
        job.write(WRITE, rows, BatchWriter.Kind.RELATIONSHIPS, parameters, NPI, repeats);
    }

    /**
     * One affiliation in one number: the NPI's first nine digits (the tenth is their check digit) and the CCN
     * read as a number in base 36 (six letters or digits: below 2^32).
     */
    static long affiliationKey(String npi, String ccn) {
        return Long.parseLong(npi, 0, 9, 10) << 32 | Long.parseLong(ccn, 36);
    }

    static String facilityType(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (t.contains("hospital")) {
            return "HOSPITAL";
        }
        if (t.contains("nursing") || t.contains("skilled")) {
            return "SNF";
        }
        if (t.contains("surg")) {
            return "ASC";
        }
        return "OTHER";
    }
}
