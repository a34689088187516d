package org.liaisonprm.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;

import org.liaisonprm.base.PayerType;
import org.liaisonprm.graph.Cypher;

/**
 * A Synthea CSV export (a directory): {@code organizations.csv} become facilities (hospitals, medical
 * centres) or practices, {@code providers.csv} physicians ({@code synthea:<Id>}, no NPI) practising at or
 * affiliated with their organisation, {@code payers.csv} payers, and referrals are derived from
 * {@code encounters.csv} as for the {@code encounters} format ({@code START} is the service date,
 * {@code PAYER} the payer).
 */
final class SyntheaLoader implements FormatLoader {

    static final String PREFIX = "synthea:";
    private static final String SOURCE = "synthea";

    private static final Cypher ORGANIZATIONS = Cypher.load("importer/synthea-organizations");

    private static final Cypher PROVIDERS = Cypher.load("importer/synthea-providers");

    private static final Cypher PHYSICIANS_FROM_SOURCE = Cypher.load("importer/physicians-from-source");

    private static final Cypher PAYERS = Cypher.load("importer/synthea-payers");

    @Override
    public void load(Path directory, ImportJob job) {
        Path organizations = file(directory, "organizations.csv");
        Path providers = file(directory, "providers.csv");
        Path payers = file(directory, "payers.csv");
        Path encounters = file(directory, "encounters.csv");
        // every header is checked before anything is written
        try (var o = CsvRows.open(organizations); var p = CsvRows.open(providers); var y = CsvRows.open(payers);
             var e = CsvRows.open(encounters)) {
            ImportJob.requireColumns(o, organizations, "Id", "NAME");
            ImportJob.requireColumns(p, providers, "Id", "ORGANIZATION", "NAME");
            ImportJob.requireColumns(y, payers, "Id", "NAME");
            ImportJob.requireColumns(e, encounters, "Id", "START", "PATIENT", "PROVIDER", "PAYER");
        }
        var parameters = Map.<String, Object>of("source", SOURCE);
        loadOrganizations(organizations, job, parameters);
        var lineOf = loadProviders(providers, job, parameters);
        var payerTypes = loadPayers(payers, job, parameters);
        loadEncounters(encounters, job, payerTypes, lineOf);
    }

    private static Path file(Path directory, String name) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ImportRefusedException("The Synthea export lacks " + name + "; nothing was imported");
        }
        return file;
    }

    private void loadOrganizations(Path file, ImportJob job, Map<String, Object> parameters) {
        try (CsvRows rows = job.open(file)) {
            var h = ImportJob.requireColumns(rows, file, "Id", "NAME");
            var buffer = job.buffer(ORGANIZATIONS, BatchWriter.Kind.NODES, parameters, "Id");
            job.eachRow(rows, row -> {
                String id = PREFIX + Fields.required("Id", row.get(h.index("Id")));
                String name = Fields.required("NAME", row.get(h.index("NAME")));
                var props = new HashMap<String, Object>();
                props.put("name", NppesLoader.titleCase(name));
                props.put("address", Fields.text("ADDRESS", row.get(h.index("ADDRESS"))));
                props.put("city", Fields.text("CITY", row.get(h.index("CITY"))));
                props.put("state", Fields.text("STATE", row.get(h.index("STATE"))));
                props.put("zip", Fields.zip("ZIP", row.get(h.index("ZIP"))));
                props.put("lat", decimal("LAT", row.get(h.index("LAT"))));
                props.put("lon", decimal("LON", row.get(h.index("LON"))));
                String n = name.toLowerCase(Locale.ROOT);
                boolean facility = n.contains("hospital") || n.contains("medical center") || n.contains("medical ctr");
                buffer.add(Map.of("id", id, "facility", facility, "props", props, "line", row.line()));
            });
            buffer.flush();
        }
    }

    /** Loads the providers; returns the service line (or null) of each one loaded, by id. */
    private Map<String, String> loadProviders(Path file, ImportJob job, Map<String, Object> parameters) {
        var lineOf = new HashMap<String, String>();
        try (CsvRows rows = job.open(file)) {
            var h = ImportJob.requireColumns(rows, file, "Id", "ORGANIZATION", "NAME");
            var buffer = job.buffer(PROVIDERS, BatchWriter.Kind.NODES, parameters, "Id");
            job.eachRow(rows, row -> {
                String id = PREFIX + Fields.required("Id", row.get(h.index("Id")));
                String organization = Fields.text("ORGANIZATION", row.get(h.index("ORGANIZATION")));
                var props = new HashMap<String, Object>();
                props.put("name", Fields.required("NAME", row.get(h.index("NAME"))));
                String gender = Fields.text("GENDER", row.get(h.index("GENDER")));
                props.put("sex", "F".equals(gender) || "M".equals(gender) ? gender : null);
                String speciality = Fields.text("SPECIALITY", row.get(h.index("SPECIALITY")));
                props.put("specialty", speciality == null ? null : NppesLoader.titleCase(speciality));
                props.put("serviceLine", serviceLine(speciality));
                props.put("address", Fields.text("ADDRESS", row.get(h.index("ADDRESS"))));
                props.put("city", Fields.text("CITY", row.get(h.index("CITY"))));
                props.put("state", Fields.text("STATE", row.get(h.index("STATE"))));
                props.put("zip", Fields.zip("ZIP", row.get(h.index("ZIP"))));
                var r = new HashMap<String, Object>();
                r.put("id", id);
                r.put("organization", organization == null ? null : PREFIX + organization);
                r.put("props", props);
                r.put("line", row.line());
                buffer.add(r);
                lineOf.put(id, (String) props.get("serviceLine"));
            });
            buffer.flush();
        }
        return lineOf;
    }

    private Map<String, PayerType> loadPayers(Path file, ImportJob job, Map<String, Object> parameters) {
        var types = new HashMap<String, PayerType>();
        try (CsvRows rows = job.open(file)) {
            var h = ImportJob.requireColumns(rows, file, "Id", "NAME");
            var buffer = job.buffer(PAYERS, BatchWriter.Kind.NODES, parameters, "Id");
            job.eachRow(rows, row -> {
                String id = Fields.required("Id", row.get(h.index("Id")));
                String name = Fields.required("NAME", row.get(h.index("NAME")));
                var type = EncounterReferrals.payer(name);
                types.put(id, type);
                buffer.add(Map.of("id", PREFIX + id, "name", name, "type", type.name(), "line", row.line()));
            });
            buffer.flush();
        }
        return types;
    }

    /**
     * Encounters of the providers in the graph and of those just loaded ({@code lineOf}; the same ones unless
     * this is a dry run, whose providers were rolled back).
     */
    private void loadEncounters(Path file, ImportJob job, Map<String, PayerType> payers,
                                Map<String, String> lineOf) {
        var ids = new HashSet<String>();
        var providers = new HashSet<String>(job.strings(PHYSICIANS_FROM_SOURCE, Map.of("source", SOURCE), "id"));
        providers.addAll(lineOf.keySet());
        try (var encounters = new EncounterReferrals(false); CsvRows rows = job.open(file)) {
            var h = ImportJob.requireColumns(rows, file, "Id", "START", "PATIENT", "PROVIDER", "PAYER");
            job.eachRow(rows, row -> {
                String id = Fields.required("Id", row.get(h.index("Id")));
                if (!ids.add(id)) {
                    throw new RowRefused("Id", id, "repeats an earlier encounter with the same Id");
                }
                String start = Fields.required("START", row.get(h.index("START")));
                var date = Fields.date("START", start);
                long instant;
                try {
                    instant = Instant.parse(start).toEpochMilli();
                } catch (DateTimeParseException e) {
                    instant = 0; // a date alone: the whole day is one instant
                }
                String patient = Fields.required("PATIENT", row.get(h.index("PATIENT")));
                String provider = PREFIX + Fields.required("PROVIDER", row.get(h.index("PROVIDER")));
                if (!providers.contains(provider)) {
                    throw new RowRefused("PROVIDER", row.get(h.index("PROVIDER")), "no provider with this Id in providers.csv");
                }
                String payer = Fields.text("PAYER", row.get(h.index("PAYER")));
                var type = payer == null ? PayerType.OTHER
                        : payers.getOrDefault(payer, PayerType.OTHER);
                encounters.add(new EncounterReferrals.Encounter(patient, provider, date, instant, type, null, row.line()));
            });
            ids.clear();
            var lines = EncountersLoader.providerLines(job, encounters.providers());
            lineOf.forEach((id, line) -> {
                if (line == null) {
                    lines.remove(id);
                } else {
                    lines.put(id, line);
                }
            });
            var writes = new EncounterReferrals.Writes(job, SOURCE, Map.of(), r -> true);
            var derived = encounters.derive(job.options().windowDays(), lines, ReferralPairLoader.UNASSIGNED, e -> true,
                    e -> { }, writes);
            writes.finish();
            job.sameDayVisits(derived.sameDayVisits());
        }
    }

    /** A coordinate, which may be negative, or null when empty. */
    private static Double decimal(String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new RowRefused(column, value, column + " is not a number");
        }
    }

    /** Synthea's SPECIALITY (mostly GENERAL PRACTICE) as a service line. */
    static String serviceLine(String speciality) {
        if (speciality == null) {
            return null;
        }
        String s = speciality.toLowerCase(Locale.ROOT);
        String[][] rules = {{"cardio", "Cardiology"}, {"ortho", "Orthopedics"}, {"oncol", "Oncology"},
                {"hematol", "Oncology"}, {"neuro", "Neurosciences"}, {"obstet", "Women's Health"},
                {"gyn", "Women's Health"}, {"radiol", "Imaging"}, {"gastro", "Gastroenterology"},
                {"urol", "Urology"}, {"psych", "Behavioral Health"}, {"surg", "General Surgery"},
                {"general practice", "Primary Care"}, {"family", "Primary Care"}, {"internal", "Primary Care"},
                {"pediatric", "Primary Care"}};
        for (String[] rule : rules) {
            if (s.contains(rule[0])) {
                return rule[1];
            }
        }
        return null;
    }
}
