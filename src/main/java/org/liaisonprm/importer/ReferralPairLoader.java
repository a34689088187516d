package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.liaisonprm.graph.Cypher;

/**
 * Referral pairs for one period: CMS Physician Shared Patient Patterns (headerless
 * {@code npi1,npi2,paircount,benecount,samedayvisits}; referrals = paircount, patients = benecount) and
 * DocGraph / CareSet Hop Teaming ({@code from_npi,to_npi,patient_count,transaction_count,average_day_wait,
 * std_day_wait}; referrals = transaction_count, patients = patient_count).
 * <p>
 * The files carry no service line: a referral takes the receiving physician's. One {@code REFERRED} per
 * source, target, period and service line: a second load of the same period replaces the first, also when
 * the receiver's service line changed in between (a registry load filled in a stub).
 */
final class ReferralPairLoader implements FormatLoader {

    /** Service line of a referral whose receiver has none (a stub, or an unmapped taxonomy). */
    static final String UNASSIGNED = "Other";

    /** The fields of a row holding NPIs, and where their node ids go. */
    private static final Map<String, String> ENDS = Map.of("from", "a", "to", "b");

    /** A load of a period that already holds referrals: each row updates its pair's referral or creates one. */
    private static final Cypher WRITE = Cypher.load("importer/referral-pairs");

    /** As {@link #WRITE}, also deleting the pair's referral of the period under another service line. */
    private static final Cypher WRITE_REPLACING_OTHER_LINES = Cypher.load("importer/referral-pairs-replacing-other-lines");

    /** Whether a referral of the period exists, and whether one from an earlier load of this kind of file does. */
    private static final Cypher IN_PERIOD = Cypher.load("importer/referrals-in-period");
    private static final Cypher IN_PERIOD_FROM_SOURCE = Cypher.load("importer/referrals-in-period-from-source");

    /**
     * The first load of a period: no referral of the period exists, so each row creates its relationship
     * without looking for one, while the loader refuses repeated pairs itself (they never reach the graph).
     * Both ends are found by the node ids the batch's provider statement returned (NpiNodes), and every property is given
     * in the CREATE (a null one is left out): a third of the time of index look-ups and a map SET.
     */
    private static final Cypher CREATE = Cypher.load("importer/referral-pairs-first-load");

    /**
     * Pairs a first load of a period remembers to refuse repeats itself (about 16 bytes each); beyond this
     * many the load goes on looking each pair up in the graph, which finds the repeats there.
     */
    static final int FIRST_LOAD_PAIRS = 5_000_000;

    private final boolean hopTeaming;

    ReferralPairLoader(boolean hopTeaming) {
        this.hopTeaming = hopTeaming;
    }

    @Override
    public void load(Path path, ImportJob job) {
        var options = job.options();
        if (options.periodStart() == null) {
            throw new ImportRefusedException("Say which period the file covers: --period=YYYY, or --from and --to");
        }
        String source = hopTeaming ? "hop-teaming" : "shared-patients";
        try (CsvRows rows = job.open(path)) {
            String fromColumn;
            String toColumn;
            int[] at;
            if (hopTeaming) {
                var header = ImportJob.requireColumns(rows, path, "from_npi", "to_npi", "patient_count", "transaction_count");
                at = new int[] {header.index("from_npi"), header.index("to_npi"), header.index("patient_count"),
                        header.index("transaction_count"), header.index("average_day_wait"), header.index("std_day_wait")};
                fromColumn = "from_npi";
                toColumn = "to_npi";
            } else {
                if (rows.firstRow() == null) {
                    throw new ImportRefusedException(path.getFileName() + " is empty");
                }
                if (rows.firstRow().size() < 5) {
                    throw new ImportRefusedException(path.getFileName() + " is not a shared-patient file: its first line has "
                            + rows.firstRow().size() + " fields, not the 5 of npi1,npi2,paircount,benecount,samedayvisits");
                }
                at = new int[] {0, 1, 3, 2, 4};
                fromColumn = "npi1";
                toColumn = "npi2";
            }
            boolean firstLoad = !job.exists(IN_PERIOD, Map.of("periodStart", options.periodStart()));
            var pairs = firstLoad ? new LongHashSet() : null;
            boolean replaceOtherLines = job.exists(IN_PERIOD_FROM_SOURCE,
                    Map.of("periodStart", options.periodStart(), "source", source));
            Cypher cypher = replaceOtherLines ? WRITE_REPLACING_OTHER_LINES : WRITE;
            var parameters = Map.<String, Object>of("source", source, "periodStart", options.periodStart(),
                    "periodEnd", options.periodEnd(), "unassigned", UNASSIGNED);
            var npiColumns = Map.of("from", fromColumn, "to", toColumn);
            var nodes = new NpiNodes(job, source);
            LongHashSet knownNpis = options.onlyKnown() ? job.knownProviderNpis() : null;
            // rows of one sender go to one writer, in file order: a repeated pair meets its first row (the
            // receiver decides the service line, so the pair is the key)
            var writes = job.lanes(BatchWriter.REFERRAL_WRITERS, firstLoad ? CREATE : cypher,
                    firstLoad ? BatchWriter.Kind.NEW_RELATIONSHIPS : BatchWriter.Kind.RELATIONSHIPS, parameters, fromColumn,
                    batch -> withNodes(job, nodes, batch, npiColumns),
                    job.repeats(Repeats.Key.of(r -> pairKey((String) r.get("from"), (String) r.get("to")))));
            CsvRows.Row row;
            while ((row = rows.next()) != null) {
                job.rowRead();
                if (knownNpis != null && !knownNpis.contains(npiNumber(row.get(at[0])))
                        && !knownNpis.contains(npiNumber(row.get(at[1])))) {
                    // decided on the two NPIs alone: the rest of a row left out is not checked
                    job.skipped();
                    continue;
                }
                try {
                    var values = new HashMap<String, Object>();
                    String from = Fields.npi(fromColumn, row.get(at[0]));
                    String to = Fields.npi(toColumn, row.get(at[1]));
                    if (!hopTeaming && row.values().length < 5) {
                        throw new RowRefused("samedayvisits", "", "the row has " + row.values().length + " fields, not 5");
                    }
                    long patients = Fields.count(hopTeaming ? "patient_count" : "benecount", row.get(at[2]));
                    long referrals = Fields.count(hopTeaming ? "transaction_count" : "paircount", row.get(at[3]));
                    if (from.equals(to)) {
                        throw new RowRefused(toColumn, to, "a referral from a physician to itself");
                    }
                    if (patients > referrals) {
                        throw new RowRefused(hopTeaming ? "patient_count" : "benecount", String.valueOf(patients),
                                "more patients than referrals (" + referrals + ")");
                    }
                    values.put("referrals", referrals);
                    values.put("patients", patients);
                    if (hopTeaming) {
                        Double wait = Fields.optionalDecimal("average_day_wait", row.get(at[4]));
                        values.put("averageDayWait", wait);
                        values.put("stdDayWait", Fields.optionalDecimal("std_day_wait", row.get(at[5])));
                        if ((options.minTransactions() != null && referrals < options.minTransactions())
                                || (options.maxDayWait() != null && wait != null && wait > options.maxDayWait())) {
                            job.skipped();
                            continue;
                        }
                    } else {
                        values.put("sameDayVisits", Fields.count("samedayvisits", row.get(at[4])));
                        values.put("windowDays", options.windowDays());
                    }
                    if (pairs != null) {
                        if (!pairs.add(pairKey(from, to))) {
                            throw new RowRefused(fromColumn, "", "repeats an earlier row of this file with the same key");
                        }
                        if (pairs.size() > FIRST_LOAD_PAIRS && job.bulk() == null) {
                            // a bulk load cannot look pairs up in a graph: it remembers every one
                            pairs = null;
                            writes.switchTo(cypher, BatchWriter.Kind.RELATIONSHIPS);
                        }
                    }
                    var write = new HashMap<String, Object>(8);
                    write.put("from", from);
                    write.put("to", to);
                    write.put("values", values);
                    write.put("line", row.line());
                    writes.add(Long.parseLong(from), from + to, write);
                    job.accepted();
                } catch (RowRefused problem) {
                    job.refuse(row.line(), problem);
                }
            }
            writes.finish();
        }
    }

    /** A pair of valid NPIs in one number: each NPI's first nine digits (the tenth is their check digit). */
    static long pairKey(String from, String to) {
        return Long.parseLong(from, 0, 9, 10) << 30 | Long.parseLong(to, 0, 9, 10);
    }

    /**
     * The rows of a batch that {@code --unknown-npi=refuse} keeps, each given the node ids of both ends
     * ({@code a} and {@code b}): a physician (a stub when new) or, for an organisation NPI, its practice.
     */
    private static List<Map<String, Object>> withNodes(ImportJob job, NpiNodes nodes, List<Map<String, Object>> pending,
                                                       Map<String, String> npiColumns) {
        return nodes.resolve(FormatLoader.withoutUnknownNpis(job, pending, npiColumns), ENDS);
    }

    /**
     * The NPI of a field as a number for a look-up in a set of valid NPIs; -1 for anything that is not ten
     * digits (which no such set holds). Cheaper than the full check, which the rows kept still get.
     */
    static long npiNumber(String value) {
        String text = value.strip();
        if (text.length() != 10) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
