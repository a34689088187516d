package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.liaisonprm.graph.Cypher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NPPES NPI registry file: entity type 1 becomes a {@code Physician}, type 2 a {@code Practice}, both
 * keyed by NPI. Columns are found by header name (the file has about 330). Deactivated NPIs appear as
 * stubs: they mark an existing node inactive and count as skipped. {@code --state} keeps only practice
 * locations in those states; a row elsewhere is skipped on its state field alone.
 */
final class NppesLoader implements FormatLoader {

    private static final Logger log = LoggerFactory.getLogger(NppesLoader.class);

    static final String NPI = "NPI";
    static final String ENTITY = "Entity Type Code";
    static final String ORGANIZATION = "Provider Organization Name (Legal Business Name)";
    static final String LAST = "Provider Last Name (Legal Name)";
    static final String FIRST = "Provider First Name";
    static final String CREDENTIAL = "Provider Credential Text";
    static final String ADDRESS = "Provider First Line Business Practice Location Address";
    static final String CITY = "Provider Business Practice Location Address City Name";
    static final String STATE = "Provider Business Practice Location Address State Name";
    static final String ZIP = "Provider Business Practice Location Address Postal Code";
    static final String DEACTIVATED = "NPI Deactivation Date";
    private static final int TAXONOMIES = 15;

    private static final Cypher PHYSICIANS = Cypher.load("importer/nppes-physicians");

    private static final Cypher PRACTICES = Cypher.load("importer/nppes-practices");

    private static final Cypher DEACTIVATE = Cypher.load("importer/nppes-deactivate");

    /** Physicians and practices are merged on their NPI. */
    private static final Repeats.Key BY_NPI = Repeats.Key.of(r -> Long.parseLong((String) r.get("npi")));

    @Override
    public void load(Path path, ImportJob job) {
        long started = System.nanoTime();
        try (CsvRows rows = job.open(path)) {
            var header = ImportJob.requireColumns(rows, path, NPI, ENTITY, ORGANIZATION, LAST, FIRST, STATE,
                    DEACTIVATED, "Healthcare Provider Taxonomy Code_1", "Healthcare Provider Primary Taxonomy Switch_1");
            var columns = new Columns(header);
            var parameters = Map.<String, Object>of("source", "nppes");
            // written beside the reading thread, in file order: a repeated NPI meets its first row
            var physicians = job.lanes(1, PHYSICIANS, BatchWriter.Kind.NODES, parameters, NPI, null, job.repeats(BY_NPI));
            var practices = job.lanes(1, PRACTICES, BatchWriter.Kind.NODES, parameters, NPI, null, job.repeats(BY_NPI));
            var deactivated = job.buffer(DEACTIVATE, BatchWriter.Kind.OTHER, parameters, NPI);
            var states = job.options().states();
            CsvRows.Row row;
            while ((row = rows.next()) != null) {
                job.rowRead();
                if (!states.isEmpty() && elsewhere(row.get(columns.state), states)) {
                    // decided on the one field: the other 329 of a row elsewhere are never decoded or checked
                    job.skipped();
                    continue;
                }
                try {
                    String npi = Fields.npi(NPI, row.get(columns.npi));
                    String entity = row.get(columns.entity).strip();
                    String deactivatedOn = row.get(columns.deactivated).strip();
                    if (entity.isEmpty() && !deactivatedOn.isEmpty()) {
                        var date = Fields.date(DEACTIVATED, deactivatedOn);
                        deactivated.add(Map.of("npi", npi, "date", date, "line", row.line()));
                        job.skipped();
                        continue;
                    }
                    if (!entity.equals("1") && !entity.equals("2")) {
                        throw new RowRefused(ENTITY, entity, "Entity Type Code must be 1 (individual) or 2 (organisation)");
                    }
                    String state = Fields.text(STATE, row.get(columns.state));
                    if (!job.options().states().isEmpty()
                            && (state == null || !job.options().states().contains(state.toUpperCase(Locale.ROOT)))) {
                        job.skipped();
                        continue;
                    }
                    var props = location(row, columns);
                    if (entity.equals("1")) {
                        physician(row, columns, props);
                        physicians.add(Long.parseLong(npi), npi, Map.of("npi", npi, "props", props, "line", row.line()));
                    } else {
                        props.put("name", Fields.required(ORGANIZATION, row.get(columns.organization)));
                        practices.add(Long.parseLong(npi), npi, Map.of("npi", npi, "props", props, "line", row.line()));
                    }
                    job.accepted();
                } catch (RowRefused problem) {
                    job.refuse(row.line(), problem);
                }
            }
            long read = System.nanoTime();
            physicians.finish();
            practices.finish();
            deactivated.flush();
            log.info("{}: read in {} ms; the writes still under way then took {} ms more", path.getFileName(),
                    (read - started) / 1_000_000,
                    (System.nanoTime() - read) / 1_000_000);
        }
    }

    /**
     * Whether a row's practice location is in a state other than those kept. A row without one is not decided
     * here: a deactivated NPI carries no state, and one that should is refused or skipped further on.
     */
    private static boolean elsewhere(String state, java.util.Set<String> states) {
        String code = state.strip();
        return !code.isEmpty() && !states.contains(code.toUpperCase(Locale.ROOT));
    }

    private static Map<String, Object> location(CsvRows.Row row, Columns columns) {
        var props = new HashMap<String, Object>();
        props.put("address", titleCase(Fields.text(ADDRESS, row.get(columns.address))));
        props.put("city", titleCase(Fields.text(CITY, row.get(columns.city))));
        String state = Fields.text(STATE, row.get(columns.state));
        props.put("state", state == null ? null : state.toUpperCase(Locale.ROOT));
        props.put("zip", Fields.zip(ZIP, row.get(columns.zip)));
        return props;
    }

    private static void physician(CsvRows.Row row, Columns columns, Map<String, Object> props) {
        String last = titleCase(Fields.required(LAST, row.get(columns.last)));
        String first = titleCase(Fields.text(FIRST, row.get(columns.first)));
        String credential = Fields.text(CREDENTIAL, row.get(columns.credential));
        if (credential != null) {
            credential = credential.replace(".", "");
        }
        props.put("firstName", first);
        props.put("lastName", last);
        props.put("credential", credential);
        props.put("name", (first == null ? "" : first + " ") + last + (credential == null ? "" : ", " + credential));
        String sex = Fields.text("Provider Sex Code", row.get(columns.sex));
        props.put("sex", sex != null && (sex.equals("F") || sex.equals("M")) ? sex : null);
        String taxonomy = primaryTaxonomy(row, columns);
        props.put("taxonomyCode", taxonomy);
        var mapping = Taxonomy.instance().of(taxonomy);
        props.put("specialty", mapping.map(Taxonomy.Mapping::specialty).orElse(null));
        props.put("serviceLine", mapping.map(Taxonomy.Mapping::serviceLine).orElse(null));
    }

    /** The taxonomy whose primary switch is Y; the first one when none is marked. */
    private static String primaryTaxonomy(CsvRows.Row row, Columns columns) {
        String first = null;
        for (int i = 0; i < TAXONOMIES; i++) {
            String code = Fields.text("Healthcare Provider Taxonomy Code_" + (i + 1), row.get(columns.taxonomy[i]));
            if (code == null) {
                continue;
            }
            if (first == null) {
                first = code;
            }
            if ("Y".equalsIgnoreCase(row.get(columns.primary[i]).strip())) {
                return code;
            }
        }
        return first;
    }

    /** NPPES writes names in capitals: {@code O'BRIEN} reads as {@code O'Brien}. */
    static String titleCase(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }

    /** Column positions, looked up once per file. */
    private static final class Columns {
        final int npi;
        final int entity;
        final int organization;
        final int last;
        final int first;
        final int credential;
        final int address;
        final int city;
        final int state;
        final int zip;
        final int deactivated;
        final int sex;
        final int[] taxonomy = new int[TAXONOMIES];
        final int[] primary = new int[TAXONOMIES];

        Columns(CsvRows.Header header) {
            npi = header.index(NPI);
            entity = header.index(ENTITY);
            organization = header.index(ORGANIZATION);
            last = header.index(LAST);
            first = header.index(FIRST);
            credential = header.index(CREDENTIAL);
            address = header.index(ADDRESS);
            city = header.index(CITY);
            state = header.index(STATE);
            zip = header.index(ZIP);
            deactivated = header.index(DEACTIVATED);
            sex = header.has("Provider Sex Code") ? header.index("Provider Sex Code") : header.index("Provider Gender Code");
            for (int i = 0; i < TAXONOMIES; i++) {
                taxonomy[i] = header.index("Healthcare Provider Taxonomy Code_" + (i + 1));
                primary[i] = header.index("Healthcare Provider Primary Taxonomy Switch_" + (i + 1));
            }
        }
    }
}
