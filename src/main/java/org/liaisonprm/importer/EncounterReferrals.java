package org.liaisonprm.importer;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.liaisonprm.base.PayerType;
import org.liaisonprm.graph.Cypher;

/**
 * Derives referrals from encounters the way CMS derived shared-patient data: provider A refers to
 * provider B when a patient is seen by A and then by B (B ≠ A; B's date not earlier and B's encounter after
 * A's) within the window. Per source, target, month of B's encounter and service line of B's encounter:
 * {@code referrals} counts the (A-encounter, B-encounter) pairs, {@code patients} the distinct patients,
 * and the payer counts split the pairs by the payer of B's encounter.
 * <p>
 * Encounters are held in memory, grouped by patient (about 100 bytes each: a few million fit in the
 * default heap).
 */
final class EncounterReferrals {


    /** Providers by id (stubs when new), one relationship per sender, receiver, month and service line. */
    private static final Cypher WRITE = Cypher.load("importer/encounter-referrals");

    /**
     * One encounter.
     *
     * @param order breaks ties between encounters on the same date (a timestamp, or the row's position)
     * @param serviceLine the encounter's service line, or null for the provider's own
     */
    record Encounter(String provider, LocalDate date, long order, PayerType payer, String serviceLine, long line) {
    }

    private final Map<String, List<Encounter>> byPatient = new HashMap<>();
    private long count;

    void add(String patient, Encounter encounter) {
        byPatient.computeIfAbsent(patient, p -> new ArrayList<>(4)).add(encounter);
        count++;
    }

    long size() {
        return count;
    }

    /** Drops the encounters that fail the test, returning them (e.g. those of providers to refuse). */
    List<Encounter> removeIf(Predicate<Encounter> refused) {
        var removed = new ArrayList<Encounter>();
        for (List<Encounter> encounters : byPatient.values()) {
            encounters.removeIf(e -> {
                if (refused.test(e)) {
                    removed.add(e);
                    return true;
                }
                return false;
            });
        }
        count -= removed.size();
        return removed;
    }

    /** Every provider seen. */
    java.util.Set<String> providers() {
        var providers = new HashSet<String>();
        byPatient.values().forEach(list -> list.forEach(e -> providers.add(e.provider())));
        return providers;
    }

    /** One derived referral relationship. */
    record Referral(String from, String to, LocalDate periodStart, String serviceLine, long referrals, long patients,
                    long commercial, long medicare, long medicaid, long selfPay) {

        Map<String, Object> values() {
            var values = new LinkedHashMap<String, Object>();
            values.put("referrals", referrals);
            values.put("patients", patients);
            values.put("commercial", commercial);
            values.put("medicare", medicare);
            values.put("medicaid", medicaid);
            values.put("selfPay", selfPay);
            return values;
        }
    }

    /**
     * The referrals, with a service line for every encounter that has none taken from {@code lineOf} (the
     * receiving provider's), or {@code unassigned}.
     */
    List<Referral> derive(int windowDays, Map<String, String> lineOf, String unassigned) {
        record Key(String from, String to, LocalDate month, String line) {
        }
        final class Sums {
            long referrals;
            long patients;
            final long[] payers = new long[PayerType.values().length];
        }
        var sums = new LinkedHashMap<Key, Sums>();
        var order = Comparator.comparing(Encounter::date).thenComparingLong(Encounter::order);
        for (List<Encounter> encounters : byPatient.values()) {
            encounters.sort(order);
            var seen = new HashSet<Key>();
            for (int j = 1; j < encounters.size(); j++) {
                Encounter b = encounters.get(j);
                String line = b.serviceLine() != null ? b.serviceLine() : lineOf.getOrDefault(b.provider(), unassigned);
                LocalDate month = b.date().withDayOfMonth(1);
                for (int i = j - 1; i >= 0; i--) {
                    Encounter a = encounters.get(i);
                    if (ChronoUnit.DAYS.between(a.date(), b.date()) > windowDays) {
                        break;
                    }
                    if (a.provider().equals(b.provider())) {
                        continue;
                    }
                    var key = new Key(a.provider(), b.provider(), month, line);
                    Sums s = sums.computeIfAbsent(key, k -> new Sums());
                    s.referrals++;
                    s.payers[b.payer().ordinal()]++;
                    if (seen.add(key)) {
                        s.patients++;
                    }
                }
            }
        }
        var referrals = new ArrayList<Referral>(sums.size());
        sums.forEach((k, s) -> referrals.add(new Referral(k.from(), k.to(), k.month(), k.line(), s.referrals, s.patients,
                s.payers[PayerType.COMMERCIAL.ordinal()], s.payers[PayerType.MEDICARE.ordinal()],
                s.payers[PayerType.MEDICAID.ordinal()], s.payers[PayerType.SELF_PAY.ordinal()])));
        return referrals;
    }

    /** A payer type as health systems and Synthea write it. */
    static PayerType payer(String text) {
        if (text == null || text.isBlank()) {
            return PayerType.OTHER;
        }
        String t = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        if (t.contains("medicare") || t.contains("dualeligible")) {
            return PayerType.MEDICARE;
        }
        if (t.contains("medicaid")) {
            return PayerType.MEDICAID;
        }
        if (t.contains("self") || t.contains("noinsurance") || t.contains("uninsured")) {
            return PayerType.SELF_PAY;
        }
        if (t.equals("other") || t.equals("unknown")) {
            return PayerType.OTHER;
        }
        return PayerType.COMMERCIAL;
    }

    /** Writes derived referrals: providers by id (stubs when new), one relationship per key. */
    static void write(ImportJob job, List<Referral> referrals, String source, Map<String, String> npiOf) {
        var batch = new ArrayList<Map<String, Object>>();
        for (Referral r : referrals) {
            var row = new HashMap<String, Object>();
            row.put("from", r.from());
            row.put("to", r.to());
            row.put("fromNpi", npiOf.get(r.from()));
            row.put("toNpi", npiOf.get(r.to()));
            row.put("periodStart", r.periodStart());
            row.put("serviceLine", r.serviceLine());
            row.put("values", r.values());
            batch.add(row);
            if (batch.size() >= job.batch()) {
                job.write(WRITE, batch, BatchWriter.Kind.RELATIONSHIPS, Map.of("source", source), "");
                batch = new ArrayList<>();
            }
        }
        job.write(WRITE, batch, BatchWriter.Kind.RELATIONSHIPS, Map.of("source", source), "");
    }
}
