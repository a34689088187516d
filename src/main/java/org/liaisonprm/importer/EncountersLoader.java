package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.physician.ServiceLine;

/**
 * A health system's claims or encounter lines, one row per encounter:
 * {@code patient_id,provider_id,organization_id,service_date,payer_type,service_line} (extra columns are
 * ignored). Referrals are derived from them ({@link EncounterReferrals}). A {@code provider_id} of ten
 * digits is an NPI and must be a valid one; any other id names a provider known only to the health system
 * ({@code encounters:<id>}).
 */
final class EncountersLoader implements FormatLoader {

    static final String PATIENT = "patient_id";
    static final String PROVIDER = "provider_id";
    static final String DATE = "service_date";
    static final String PAYER = "payer_type";
    static final String LINE = "service_line";
    static final String SOURCE = "encounters";

    private static final Cypher KNOWN_NPIS = Cypher.load("importer/known-npis");
    private static final Cypher PROVIDER_LINES = Cypher.load("importer/provider-service-lines");

    @Override
    public void load(Path path, ImportJob job) {
        var encounters = new EncounterReferrals();
        var npiOf = new HashMap<String, String>();
        var seen = new HashSet<List<String>>();
        try (CsvRows rows = job.open(path)) {
            var header = ImportJob.requireColumns(rows, path, PATIENT, PROVIDER, DATE);
            int patientAt = header.index(PATIENT);
            int providerAt = header.index(PROVIDER);
            int dateAt = header.index(DATE);
            int payerAt = header.index(PAYER);
            int lineAt = header.index(LINE);
            CsvRows.Row row;
            while ((row = rows.next()) != null) {
                job.rowRead();
                try {
                    String patient = Fields.required(PATIENT, row.get(patientAt));
                    String providerId = Fields.required(PROVIDER, row.get(providerAt));
                    String npi = null;
                    String provider;
                    if (providerId.matches("\\d{10}") || providerId.matches("\\d{9}|\\d{11}")) {
                        npi = Fields.npi(PROVIDER, providerId);
                        provider = npi;
                    } else {
                        provider = SOURCE + ":" + providerId;
                    }
                    var date = Fields.date(DATE, row.get(dateAt));
                    String payer = Fields.text(PAYER, row.get(payerAt));
                    String line = serviceLine(LINE, Fields.text(LINE, row.get(lineAt)));
                    if (!seen.add(Arrays.asList(patient, provider, date.toString(), payer, line))) {
                        throw new RowRefused(PATIENT, patient, "repeats an earlier row of this file (same patient, provider, date, payer and service line)");
                    }
                    if (npi != null) {
                        npiOf.put(provider, npi);
                    }
                    encounters.add(patient, new EncounterReferrals.Encounter(provider, date, row.line(),
                            EncounterReferrals.payer(payer), line, row.line()));
                    job.accepted();
                } catch (RowRefused problem) {
                    job.refuse(row.line(), problem);
                }
            }
        }
        seen.clear();
        refuseUnknownNpis(job, encounters, npiOf, PROVIDER);
        var lines = providerLines(job, encounters.providers());
        var referrals = encounters.derive(job.options().windowDays(), lines, ReferralPairLoader.UNASSIGNED);
        EncounterReferrals.write(job, referrals, SOURCE, npiOf);
    }

    /** With {@code --unknown-npi=refuse}, encounters with an NPI the graph does not hold are refused. */
    static void refuseUnknownNpis(ImportJob job, EncounterReferrals encounters, Map<String, String> npiOf, String column) {
        if (!job.options().refuseUnknown() || npiOf.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>(job.strings(KNOWN_NPIS, Map.of("npis", List.copyOf(new HashSet<>(npiOf.values()))), "npi"));
        for (var e : encounters.removeIf(e -> npiOf.containsKey(e.provider()) && !known.contains(npiOf.get(e.provider())))) {
            job.refuseAccepted(e.line(), column, npiOf.get(e.provider()),
                    "unknown NPI: no physician with it in the graph (--unknown-npi=refuse)");
        }
    }

    /** The service line of each provider already in the graph, for encounters that name none. */
    static Map<String, String> providerLines(ImportJob job, Set<String> providers) {
        var lines = new HashMap<String, String>();
        var ids = List.copyOf(providers);
        for (int from = 0; from < ids.size(); from += BatchWriter.BATCH) {
            var batch = ids.subList(from, Math.min(ids.size(), from + BatchWriter.BATCH));
            for (String pair : job.strings(PROVIDER_LINES, Map.of("ids", batch), "pair")) {
                int tab = pair.indexOf('\t');
                lines.put(pair.substring(0, tab), pair.substring(tab + 1));
            }
        }
        return lines;
    }

    /** A service line by its label or name ({@code Women's Health}, {@code WOMENS_HEALTH}), or null. */
    static String serviceLine(String column, String text) {
        if (text == null) {
            return null;
        }
        Optional<ServiceLine> line = Arrays.stream(ServiceLine.values())
                .filter(l -> l.label().equalsIgnoreCase(text) || l.name().equalsIgnoreCase(text.replace(' ', '_')))
                .findFirst();
        if (line.isEmpty() && text.equalsIgnoreCase(ReferralPairLoader.UNASSIGNED)) {
            return ReferralPairLoader.UNASSIGNED;
        }
        return line.map(ServiceLine::label).orElseThrow(() -> new RowRefused(column, text,
                "unknown service line; one of " + String.join(", ",
                        Arrays.stream(ServiceLine.values()).map(ServiceLine::label).toList())));
    }
}
