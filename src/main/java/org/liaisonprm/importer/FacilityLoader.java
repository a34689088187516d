package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.liaisonprm.graph.Cypher;

/**
 * Facilities keyed by CMS Certification Number: Care Compare Hospital General Information
 * ({@code hospitals}) or the CMS Provider of Services file ({@code pos}). Both fill in stubs that an
 * affiliation load created. {@code --state} keeps only facilities in those states.
 */
final class FacilityLoader implements FormatLoader {

    private static final Cypher WRITE = Cypher.load("importer/facilities");

    private final boolean providerOfServices;

    FacilityLoader(boolean providerOfServices) {
        this.providerOfServices = providerOfServices;
    }

    @Override
    public void load(Path path, ImportJob job) {
        try (CsvRows rows = job.open(path)) {
            var header = providerOfServices
                    ? ImportJob.requireColumns(rows, path, "PRVDR_NUM", "PRVDR_CTGRY_CD", "FAC_NAME", "STATE_CD")
                    : ImportJob.requireColumns(rows, path, "Facility ID", "Facility Name", "State");
            String idColumn = providerOfServices ? "PRVDR_NUM" : "Facility ID";
            var buffer = job.buffer(WRITE, BatchWriter.Kind.NODES,
                    Map.of("source", providerOfServices ? "pos" : "hospitals"), idColumn,
                    job.repeats(Repeats.Key.of(r -> r.get("id"))));
            CsvRows.Row row;
            while ((row = rows.next()) != null) {
                job.rowRead();
                try {
                    var props = providerOfServices ? pos(header, row) : hospital(header, row);
                    String state = (String) props.get("state");
                    if (!job.options().states().isEmpty() && (state == null || !job.options().states().contains(state))) {
                        job.skipped();
                        continue;
                    }
                    String id = (String) props.remove("id");
                    buffer.add(Map.of("id", id, "props", props, "line", row.line()));
                    job.accepted();
                } catch (RowRefused problem) {
                    job.refuse(row.line(), problem);
                }
            }
            buffer.flush();
        }
    }

    private static Map<String, Object> hospital(CsvRows.Header header, CsvRows.Row row) {
        var props = new HashMap<String, Object>();
        props.put("id", ccn("Facility ID", row.get(header.index("Facility ID"))));
        props.put("name", NppesLoader.titleCase(Fields.required("Facility Name", row.get(header.index("Facility Name")))));
        props.put("address", NppesLoader.titleCase(Fields.text("Address", row.get(header.index("Address")))));
        props.put("city", NppesLoader.titleCase(Fields.text("City/Town", row.get(header.index("City/Town")))));
        props.put("state", upper(Fields.text("State", row.get(header.index("State")))));
        props.put("zip", Fields.zip("ZIP Code", row.get(header.index("ZIP Code"))));
        String kind = Fields.text("Hospital Type", row.get(header.index("Hospital Type")));
        props.put("type", "HOSPITAL");
        props.put("hospitalType", kind);
        String rating = Fields.text("Hospital overall rating", row.get(header.index("Hospital overall rating")));
        props.put("rating", rating != null && rating.matches("[1-5]") ? Long.parseLong(rating) : null);
        return props;
    }

    private static Map<String, Object> pos(CsvRows.Header header, CsvRows.Row row) {
        var props = new HashMap<String, Object>();
        props.put("id", ccn("PRVDR_NUM", row.get(header.index("PRVDR_NUM"))));
        props.put("name", NppesLoader.titleCase(Fields.required("FAC_NAME", row.get(header.index("FAC_NAME")))));
        props.put("address", NppesLoader.titleCase(Fields.text("ST_ADR", row.get(header.index("ST_ADR")))));
        props.put("city", NppesLoader.titleCase(Fields.text("CITY_NAME", row.get(header.index("CITY_NAME")))));
        props.put("state", upper(Fields.text("STATE_CD", row.get(header.index("STATE_CD")))));
        props.put("zip", Fields.zip("ZIP_CD", row.get(header.index("ZIP_CD"))));
        String category = Fields.required("PRVDR_CTGRY_CD", row.get(header.index("PRVDR_CTGRY_CD")));
        props.put("type", posType(category));
        Long beds = Fields.optionalCount("BED_CNT", row.get(header.index("BED_CNT")));
        props.put("beds", beds == null ? 0L : beds);
        String terminated = Fields.text("PGM_TRMNTN_CD", row.get(header.index("PGM_TRMNTN_CD")));
        props.put("active", terminated == null || terminated.replace("0", "").isEmpty());
        return props;
    }

    /** POS provider categories: 01 hospital, 02-05 skilled nursing or nursing facility, 11 ... see docs. */
    private static String posType(String category) {
        return switch (category.replaceFirst("^0+(?=\\d)", "")) {
            case "1" -> "HOSPITAL";
            case "2", "3", "4", "5" -> "SNF";
            case "11" -> "ASC";
            default -> "OTHER";
        };
    }

    /** A CMS Certification Number: six letters or digits. */
    static String ccn(String column, String value) {
        String ccn = Fields.required(column, value).toUpperCase(Locale.ROOT);
        if (!ccn.matches("[0-9A-Z]{6}")) {
            throw new RowRefused(column, value, column + " is not a CMS Certification Number (6 letters or digits)");
        }
        return ccn;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
