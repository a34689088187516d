package org.liaisonprm.importer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.liaisonprm.graph.Cypher;

/**
 * Liaison's own simple templates (docs/import-formats.md): physicians, practices, facilities,
 * health-system membership and referrals, for data a health system keeps in spreadsheets.
 */
final class TemplateLoader implements FormatLoader {

    private static final Cypher PHYSICIANS = Cypher.load("importer/template-physicians");

    private static final Cypher PRACTICES = Cypher.load("importer/template-practices");
    private static final Cypher FACILITIES = Cypher.load("importer/template-facilities");

    private static final Cypher MEMBERSHIP = Cypher.load("importer/template-membership");
    private static final Cypher HOME_SYSTEM = Cypher.load("importer/template-home-system");

    /** Referrals to a physician (to_npi) and to a facility (to_facility_id). */
    private static final Cypher REFERRALS_TO_PHYSICIANS = Cypher.load("importer/template-referrals-to-physicians");
    private static final Cypher REFERRALS_TO_FACILITIES = Cypher.load("importer/template-referrals-to-facilities");

    /** The service lines of receivers a dry run needs for the key of a referral row that names none. */
    private static final Cypher PHYSICIAN_LINES = Cypher.load("importer/physician-service-lines");
    private static final Cypher FACILITY_LINES = Cypher.load("importer/facility-service-lines");

    private final ImportFormat format;

    TemplateLoader(ImportFormat format) {
        this.format = format;
    }

    @Override
    public void load(Path path, ImportJob job) {
        try (CsvRows rows = job.open(path)) {
            switch (format) {
                case PHYSICIANS -> physicians(path, rows, job);
                case PRACTICES -> organisations(path, rows, job, "Practice", "practice_id");
                case FACILITIES -> organisations(path, rows, job, "Facility", "facility_id");
                case HEALTH_SYSTEM_MEMBERSHIP -> membership(path, rows, job);
                case REFERRALS -> referrals(path, rows, job);
                default -> throw new IllegalArgumentException(format.id());
            }
        }
    }

    private static String get(CsvRows.Header header, CsvRows.Row row, String column) {
        return row.get(header.index(column));
    }

    private static Map<String, Object> location(CsvRows.Header h, CsvRows.Row row) {
        var props = new HashMap<String, Object>();
        props.put("address", Fields.text("address", get(h, row, "address")));
        props.put("city", Fields.text("city", get(h, row, "city")));
        String state = Fields.text("state", get(h, row, "state"));
        props.put("state", state == null ? null : state.toUpperCase(Locale.ROOT));
        props.put("zip", Fields.zip("zip", get(h, row, "zip")));
        return props;
    }

    private void physicians(Path path, CsvRows rows, ImportJob job) {
        var h = ImportJob.requireColumns(rows, path, "npi", "first_name", "last_name");
        var buffer = job.buffer(PHYSICIANS, BatchWriter.Kind.NODES, Map.of("source", "physicians"), "npi",
                job.repeats(Repeats.Key.of(r -> r.get("npi"))));
        job.eachRow(rows, row -> {
            String npi = Fields.npi("npi", get(h, row, "npi"));
            var props = location(h, row);
            String first = Fields.required("first_name", get(h, row, "first_name"));
            String last = Fields.required("last_name", get(h, row, "last_name"));
            String credential = Fields.text("credential", get(h, row, "credential"));
            props.put("firstName", first);
            props.put("lastName", last);
            props.put("credential", credential);
            props.put("name", first + " " + last + (credential == null ? "" : ", " + credential));
            String taxonomy = Fields.text("taxonomy_code", get(h, row, "taxonomy_code"));
            var mapping = Taxonomy.instance().of(taxonomy);
            String specialty = Fields.text("specialty", get(h, row, "specialty"));
            String line = EncountersLoader.serviceLine("service_line", Fields.text("service_line", get(h, row, "service_line")));
            props.put("taxonomyCode", taxonomy);
            props.put("specialty", specialty != null ? specialty : mapping.map(Taxonomy.Mapping::specialty).orElse(null));
            props.put("serviceLine", line != null ? line : mapping.map(Taxonomy.Mapping::serviceLine).orElse(null));
            var r = new HashMap<String, Object>();
            r.put("npi", npi);
            r.put("props", props);
            r.put("practice", Fields.text("practice_id", get(h, row, "practice_id")));
            r.put("employer", Fields.text("health_system_id", get(h, row, "health_system_id")));
            r.put("line", row.line());
            buffer.add(r);
        });
        buffer.flush();
    }

    private void organisations(Path path, CsvRows rows, ImportJob job, String label, String idColumn) {
        var h = ImportJob.requireColumns(rows, path, idColumn, "name");
        boolean facility = label.equals("Facility");
        var buffer = job.buffer(facility ? FACILITIES : PRACTICES, BatchWriter.Kind.NODES,
                Map.of("source", facility ? "facilities" : "practices"), idColumn,
                job.repeats(Repeats.Key.of(r -> r.get("id"))));
        job.eachRow(rows, row -> {
            String id = Fields.required(idColumn, get(h, row, idColumn));
            var props = location(h, row);
            props.put("name", Fields.required("name", get(h, row, "name")));
            if (facility) {
                String type = Fields.text("type", get(h, row, "type"));
                String kind = type == null ? "OTHER" : type.toUpperCase(Locale.ROOT).replace(' ', '_');
                if (!Set.of("HOSPITAL", "ASC", "IMAGING", "CLINIC", "SNF", "URGENT_CARE", "OTHER").contains(kind)) {
                    throw new RowRefused("type", type, "type must be one of HOSPITAL, ASC, IMAGING, CLINIC, SNF, URGENT_CARE, OTHER");
                }
                props.put("type", kind);
                Long beds = Fields.optionalCount("beds", get(h, row, "beds"));
                props.put("beds", beds == null ? 0L : beds);
            } else {
                String npi = get(h, row, "npi");
                props.put("npi", npi == null || npi.isBlank() ? null : Fields.npi("npi", npi));
            }
            var r = new HashMap<String, Object>();
            r.put("id", id);
            r.put("props", props);
            r.put("system", Fields.text("health_system_id", get(h, row, "health_system_id")));
            r.put("line", row.line());
            buffer.add(r);
        });
        buffer.flush();
    }

    private void membership(Path path, CsvRows rows, ImportJob job) {
        var h = ImportJob.requireColumns(rows, path, "health_system_id", "member_type", "member_id");
        var buffer = job.buffer(MEMBERSHIP, BatchWriter.Kind.OTHER, Map.of("source", "health-system-membership"), "member_id");
        String[] home = {null};
        job.eachRow(rows, row -> {
            String system = Fields.required("health_system_id", get(h, row, "health_system_id"));
            String type = Fields.required("member_type", get(h, row, "member_type")).toLowerCase(Locale.ROOT);
            if (!Set.of("practice", "facility", "physician").contains(type)) {
                throw new RowRefused("member_type", type, "member_type must be practice, facility or physician");
            }
            String member = Fields.required("member_id", get(h, row, "member_id"));
            if (type.equals("physician")) {
                member = Fields.npi("member_id", member);
            }
            String homeText = Fields.text("home", get(h, row, "home"));
            Boolean isHome = homeText == null ? null : switch (homeText.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> Boolean.TRUE;
                case "false", "no", "n", "0" -> Boolean.FALSE;
                default -> throw new RowRefused("home", homeText, "home must be true or false");
            };
            if (Boolean.TRUE.equals(isHome)) {
                home[0] = system;
            }
            var r = new HashMap<String, Object>();
            r.put("system", system);
            r.put("name", Fields.text("health_system_name", get(h, row, "health_system_name")));
            r.put("home", isHome);
            r.put("type", type);
            r.put("member", member);
            r.put("line", row.line());
            buffer.add(r);
        });
        buffer.flush();
        if (home[0] != null) {
            // exactly one home system: the one this file names
            job.run(HOME_SYSTEM, Map.of("home", home[0]));
        }
    }

    private void referrals(Path path, CsvRows rows, ImportJob job) {
        var h = ImportJob.requireColumns(rows, path, "from_npi", "period_start", "referrals");
        if (!h.has("to_npi") && !h.has("to_facility_id")) {
            throw new ImportRefusedException(path.getFileName() + " lacks the required column to_npi or to_facility_id; nothing was imported");
        }
        var parameters = Map.<String, Object>of("source", "referrals", "unassigned", ReferralPairLoader.UNASSIGNED);
        var nodes = new NpiNodes(job, "referrals");
        var toPhysicians = job.buffer(REFERRALS_TO_PHYSICIANS, BatchWriter.Kind.RELATIONSHIPS, parameters, "from_npi",
                batch -> nodes.resolve(FormatLoader.withoutUnknownNpis(job, batch, Map.of("from", "from_npi", "to", "to_npi")),
                        Map.of("from", "a", "to", "b")),
                job.repeats(referralKey(job, PHYSICIAN_LINES)));
        var toFacilities = job.buffer(REFERRALS_TO_FACILITIES, BatchWriter.Kind.RELATIONSHIPS, parameters, "from_npi",
                batch -> nodes.resolve(FormatLoader.withoutUnknownNpis(job, batch, Map.of("from", "from_npi")),
                        Map.of("from", "a")),
                job.repeats(referralKey(job, FACILITY_LINES)));
        LongHashSet knownNpis = job.options().onlyKnown() ? job.knownProviderNpis() : null;
        CsvRows.Row row;
        while ((row = rows.next()) != null) {
            job.rowRead();
            // a row to a facility is kept for its sender: the facility is no NPI
            if (knownNpis != null && !knownNpis.contains(ReferralPairLoader.npiNumber(get(h, row, "from_npi")))
                    && !knownNpis.contains(ReferralPairLoader.npiNumber(get(h, row, "to_npi")))) {
                job.skipped();
                continue;
            }
            try {
                referral(h, row, toPhysicians, toFacilities);
                job.accepted();
            } catch (RowRefused problem) {
                job.refuse(row.line(), problem);
            }
        }
        toPhysicians.flush();
        toFacilities.flush();
    }

    /** Checks one row of the referrals template and hands it to the buffer of its kind of receiver. */
    private static void referral(CsvRows.Header h, CsvRows.Row row, RowBuffer toPhysicians, RowBuffer toFacilities) {
        String from = Fields.npi("from_npi", get(h, row, "from_npi"));
        String toNpi = Fields.text("to_npi", get(h, row, "to_npi"));
        String toFacility = Fields.text("to_facility_id", get(h, row, "to_facility_id"));
        if ((toNpi == null) == (toFacility == null)) {
            throw new RowRefused("to_npi", toNpi, "give exactly one of to_npi and to_facility_id");
        }
        String to = toNpi != null ? Fields.npi("to_npi", toNpi) : FacilityLoader.ccn("to_facility_id", toFacility);
        if (to.equals(from)) {
            throw new RowRefused("to_npi", to, "a referral from a physician to itself");
        }
        LocalDate start = Fields.date("period_start", get(h, row, "period_start"));
        LocalDate end = Fields.optionalDate("period_end", get(h, row, "period_end"));
        if (end == null) {
            end = start.plusMonths(1);
        }
        if (!end.isAfter(start)) {
            throw new RowRefused("period_end", end.toString(), "period_end must be after period_start");
        }
        long referrals = Fields.count("referrals", get(h, row, "referrals"));
        Long patients = Fields.optionalCount("patients", get(h, row, "patients"));
        if (patients != null && patients > referrals) {
            throw new RowRefused("patients", patients.toString(), "more patients than referrals (" + referrals + ")");
        }
        var values = new HashMap<String, Object>();
        values.put("referrals", referrals);
        values.put("patients", patients == null ? referrals : patients);
        long payers = 0;
        for (String[] payer : new String[][] {{"commercial", "commercial"}, {"medicare", "medicare"},
                {"medicaid", "medicaid"}, {"self_pay", "selfPay"}}) {
            Long n = Fields.optionalCount(payer[0], get(h, row, payer[0]));
            values.put(payer[1], n);
            payers += n == null ? 0 : n;
        }
        if (payers > referrals) {
            throw new RowRefused("commercial", String.valueOf(payers), "payer counts add up to more than referrals");
        }
        var r = new HashMap<String, Object>();
        r.put("from", from);
        r.put("to", to);
        r.put("periodStart", start);
        r.put("periodEnd", end);
        r.put("serviceLine", EncountersLoader.serviceLine("service_line", Fields.text("service_line", get(h, row, "service_line"))));
        r.put("values", values);
        r.put("line", row.line());
        // the receiver's service line may decide the key: a repeated pair and period is enough to send the batch
        (toNpi != null ? toPhysicians : toFacilities).add(List.of(from, to, start), r);
    }

    /**
     * A referral is kept once per sender, receiver, period and service line: the row's line, else the
     * receiver's as the statement reads it before writing (a stub has none: {@code Other}).
     */
    private static Repeats.Key referralKey(ImportJob job, Cypher receiverLines) {
        return batch -> {
            var ids = batch.stream().filter(r -> r.get("serviceLine") == null).map(r -> r.get("to")).distinct().toList();
            var lines = new HashMap<Object, String>();
            if (!ids.isEmpty()) {
                for (String pair : job.strings(receiverLines, Map.of("ids", ids), "pair")) {
                    int tab = pair.indexOf('\t');
                    lines.put(pair.substring(0, tab), pair.substring(tab + 1));
                }
            }
            return batch.stream().map(r -> (Object) List.of(r.get("from"), r.get("to"), r.get("periodStart"),
                    r.get("serviceLine") != null ? r.get("serviceLine")
                            : lines.getOrDefault(r.get("to"), ReferralPairLoader.UNASSIGNED))).toList();
        };
    }
}
