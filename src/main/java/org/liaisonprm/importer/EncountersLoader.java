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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.liaisonprm.physician.ServiceLine;

/**
 * A health system's claims or encounter lines, one row per encounter:
 * {@code patient_id,provider_id,organization_id,service_date,payer_type,service_line} (extra columns are
 * ignored). Referrals are derived from them ({@link EncounterReferrals}). A {@code provider_id} of ten
 * digits is an NPI and must be a valid one; any other id names a provider known only to the health system
 * ({@code encounters:<id>}).
 */
final class EncountersLoader implements FormatLoader {

    private static final Logger log = LoggerFactory.getLogger(EncountersLoader.class);

    static final String PATIENT = "patient_id";
    static final String PROVIDER = "provider_id";
    static final String DATE = "service_date";
    static final String PAYER = "payer_type";
    static final String LINE = "service_line";
    static final String SOURCE = "encounters";

    private static final Cypher KNOWN_NPIS = Cypher.load("importer/known-npis");
    private static final Cypher KNOWN_PROVIDERS = Cypher.load("importer/known-providers");
    private static final Cypher PROVIDER_LINES = Cypher.load("importer/provider-service-lines");

    @Override
    public void load(Path path, ImportJob job) {
        var npiOf = new HashMap<String, String>();
        try (var encounters = new EncounterReferrals(true); CsvRows rows = job.open(path)) {
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
                    if (providerId.matches("\\d{9,11}")) {
                        npi = Fields.npi(PROVIDER, providerId);
                        provider = npi;
                    } else {
                        provider = SOURCE + ":" + providerId;
                    }
                    var date = Fields.date(DATE, row.get(dateAt));
                    String payer = Fields.text(PAYER, row.get(payerAt));
                    String line = serviceLine(LINE, Fields.text(LINE, row.get(lineAt)));
                    if (npi != null) {
                        npiOf.put(provider, npi);
                    }
                    // the file carries only a date: the whole day is one instant
                    encounters.add(new EncounterReferrals.Encounter(patient, provider, date, 0,
                            EncounterReferrals.payer(payer), line, row.line()));
                    job.accepted();
                } catch (RowRefused problem) {
                    job.refuse(row.line(), problem);
                }
            }
            derive(job, encounters, npiOf, PROVIDER, SOURCE);
        }
    }

    /**
     * Derives and writes the referrals of the gathered encounters: with {@code --unknown-npi=refuse} an
     * encounter whose NPI the graph does not hold is refused, a repeated encounter is refused, and with
     * {@code --only-known-npis} a referral between two providers the graph does not hold is skipped.
     */
    static void derive(ImportJob job, EncounterReferrals encounters, Map<String, String> npiOf, String column,
                       String source) {
        Set<String> known = job.options().refuseUnknown() && !npiOf.isEmpty()
                ? inBatches(job, KNOWN_NPIS, "npis", List.copyOf(new HashSet<>(npiOf.values())), "npi") : Set.of();
        Set<String> knownProviders = job.options().onlyKnown()
                ? inBatches(job, KNOWN_PROVIDERS, "ids", List.copyOf(encounters.providers()), "id") : Set.of();
        var lines = providerLines(job, encounters.providers());
        log.info("Deriving referrals from {} encounters of {} providers ({} sorted chunks on disk)", encounters.size(),
                encounters.providers().size(), encounters.chunksOnDisk());
        var writes = new EncounterReferrals.Writes(job, source, npiOf,
                r -> !job.options().onlyKnown() || knownProviders.contains(r.from()) || knownProviders.contains(r.to()));
        var derived = encounters.derive(job.options().windowDays(), lines, ReferralPairLoader.UNASSIGNED, e -> {
            String npi = npiOf.get(e.provider());
            if (job.options().refuseUnknown() && npi != null && !known.contains(npi)) {
                job.refuseAccepted(e.line(), column, npi, "unknown NPI: no physician or practice with it in the graph "
                        + "(--unknown-npi=refuse)");
                return false;
            }
            return true;
        }, e -> job.refuseAccepted(e.line(), PATIENT, e.patient(),
                "repeats an earlier row of this file (same patient, provider, date, payer and service line)"), writes);
        writes.finish();
        job.sameDayVisits(derived.sameDayVisits());
    }

    /** Runs a look-up over a long list of values in batches, returning one column of its rows. */
    private static Set<String> inBatches(ImportJob job, Cypher cypher, String parameter, List<String> values,
                                         String column) {
        var found = new HashSet<String>();
        for (int from = 0; from < values.size(); from += BatchWriter.BATCH) {
            found.addAll(job.strings(cypher, Map.of(parameter, values.subList(from,
                    Math.min(values.size(), from + BatchWriter.BATCH))), column));
        }
        return found;
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
