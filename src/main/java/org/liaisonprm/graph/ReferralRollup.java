package org.liaisonprm.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Keeps running referral totals that let the leakage reports answer in milliseconds on graphs with
 * millions of {@code REFERRED} relationships (docs/graph-model.md, "Referral rollups").
 * <p>
 * One {@code (:ReferralRollup)} node holds the sorted {@code periods} (every distinct
 * {@code REFERRED.periodStart}). For every in-network or affiliated sender there is a
 * {@code (:SenderTotals)} node per service line and one with {@code serviceLine: '*'} for all lines; per
 * source network and service line a {@code (:LeakageTotals)} node. Each holds cumulative arrays
 * {@code referrals}, {@code kept} and {@code leaked} of length {@code periods + 1}: element {@code i} is the
 * sum over the periods before {@code periods[i]}. The total for {@code from <= periodStart < to} is
 * {@code x[j] - x[i]} where {@code i} and {@code j} count the periods before {@code from} and {@code to}.
 * <p>
 * A rebuild writes a new generation beside the old one and switches {@code ReferralRollup.generation}
 * at the end, so a report running meanwhile reads one consistent generation. Whatever writes referrals or
 * changes network membership calls {@link #rebuild()} afterwards; at start-up the rollup is rebuilt when it
 * is missing or counts a different number of relationships than the graph holds.
 */
@Service
@Order(StartupOrder.ROLLUP)
public class ReferralRollup implements ApplicationRunner {

    /** The {@code serviceLine} of the totals over all service lines. */
    public static final String ALL_LINES = "*";

    private static final Logger log = LoggerFactory.getLogger(ReferralRollup.class);
    private static final int SENDERS_PER_BATCH = 500;
    private static final int WRITE_BATCH = 5_000;

    private static final Cypher STATE = Cypher.load("graph/rollup-state");
    private static final Cypher REFERRED_COUNT = Cypher.load("graph/referred-count");
    private static final Cypher PERIODS = Cypher.load("graph/rollup-periods");
    private static final Cypher SENDERS = Cypher.load("graph/rollup-senders");
    private static final Cypher SENDER_SUMS = Cypher.load("graph/rollup-sender-sums");
    private static final Cypher SWITCH = Cypher.load("graph/rollup-switch");
    private static final Cypher CLEAR = Cypher.load("graph/rollup-clear");
    private static final Cypher CREATE_SENDER_TOTALS = Cypher.load("graph/rollup-create-sender-totals");
    private static final Cypher CREATE_LEAKAGE_TOTALS = Cypher.load("graph/rollup-create-leakage-totals");
    private static final List<Cypher> REMOVE_OTHER_GENERATIONS = List.of(
            Cypher.load("graph/rollup-remove-sender-totals"), Cypher.load("graph/rollup-remove-leakage-totals"));

    private final Graph graph;

    @Autowired
    public ReferralRollup(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (isStale()) {
            log.info("The referral rollup is missing or out of date: rebuilding it");
            rebuild();
        }
    }

    /** What the current rollup was built from, if there is one. */
    public record State(long generation, long relationships, int periods) {
    }

    public Optional<State> state() {
        return graph.readOne(STATE, Map.of(), r -> new State(r.get("generation").asLong(),
                r.get("relationships").asLong(), r.get("periods").asInt()));
    }

    /** True when the rollup is missing or was built from a different number of relationships. */
    public boolean isStale() {
        long relationships = referredCount();
        return state().map(s -> s.relationships() != relationships).orElse(true);
    }

    /** Rebuilds every total from the {@code REFERRED} relationships and current network membership. */
    public State rebuild() {
        long started = System.nanoTime();
        long relationships = referredCount();
        long generation = state().map(State::generation).orElse(0L) + 1;
        List<LocalDate> periods = graph.read(PERIODS, Map.of(), r -> r.get("period").asLocalDate());
        var index = new HashMap<LocalDate, Integer>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }
        List<Record> senders = graph.read(SENDERS, Map.of(), r -> r);

        var lineTotals = new LinkedHashMap<List<String>, Totals>();
        var rows = new ArrayList<Map<String, Object>>();
        for (int from = 0; from < senders.size(); from += SENDERS_PER_BATCH) {
            var batch = senders.subList(from, Math.min(senders.size(), from + SENDERS_PER_BATCH));
            var networks = new HashMap<String, String>();
            batch.forEach(r -> networks.put(r.get("id").asString(), r.get("network").asString()));
            var bySender = new LinkedHashMap<List<String>, Totals>();
            for (Record r : graph.read(SENDER_SUMS, Map.of("ids", new ArrayList<>(networks.keySet())), r -> r)) {
                String id = r.get("id").asString();
                String line = r.get("line").isNull() ? null : r.get("line").asString();
                int period = index.get(r.get("period").asLocalDate());
                long referrals = r.get("referrals").asLong();
                long kept = r.get("kept").asLong();
                long leaked = r.get("leaked").asLong();
                String network = networks.get(id);
                bySender.computeIfAbsent(keyOf(id, line), k -> new Totals(periods.size()))
                        .add(period, referrals, kept, leaked);
                bySender.computeIfAbsent(keyOf(id, ALL_LINES), k -> new Totals(periods.size()))
                        .add(period, referrals, kept, leaked);
                lineTotals.computeIfAbsent(keyOf(network, line), k -> new Totals(periods.size()))
                        .add(period, referrals, kept, leaked);
            }
            bySender.forEach((key, totals) -> {
                Map<String, Object> row = totals.asRow(generation);
                row.put("physicianId", key.get(0));
                row.put("serviceLine", key.get(1));
                row.put("network", networks.get(key.get(0)));
                rows.add(row);
            });
            if (rows.size() >= WRITE_BATCH) {
                create(CREATE_SENDER_TOTALS, rows);
                rows.clear();
            }
        }
        create(CREATE_SENDER_TOTALS, rows);
        rows.clear();
        lineTotals.forEach((key, totals) -> {
            Map<String, Object> row = totals.asRow(generation);
            row.put("network", key.get(0));
            row.put("serviceLine", key.get(1));
            rows.add(row);
        });
        create(CREATE_LEAKAGE_TOTALS, rows);

        graph.write(SWITCH, Map.of("generation", generation, "periods", periods, "relationships", relationships,
                "senders", senders.size()));
        removeOtherGenerations(generation);
        log.info("Referral rollup generation {} built in {} ms: {} senders, {} periods, {} relationships",
                generation, (System.nanoTime() - started) / 1_000_000, senders.size(), periods.size(), relationships);
        return new State(generation, relationships, periods.size());
    }

    /** Removes every rollup node, for a graph that is being emptied. */
    public void clear() {
        removeOtherGenerations(-1);
        graph.write(CLEAR, Map.of());
    }

    private long referredCount() {
        return graph.readOne(REFERRED_COUNT, Map.of(), r -> r.get("n").asLong()).orElseThrow();
    }

    private void removeOtherGenerations(long generation) {
        for (Cypher remove : REMOVE_OTHER_GENERATIONS) {
            long removed;
            do {
                removed = graph.write(remove, Map.of("generation", generation), r -> r.get("removed").asLong(0))
                        .stream().findFirst().orElse(0L);
            } while (removed > 0);
        }
    }

    private void create(Cypher statement, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            var batch = rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH));
            graph.write(statement, Map.of("rows", batch));
        }
    }

    private static List<String> keyOf(String first, String second) {
        return java.util.Arrays.asList(first, second);
    }

    /** Per-period sums, turned into cumulative arrays for storage. */
    private static final class Totals {
        private final long[] referrals;
        private final long[] kept;
        private final long[] leaked;

        Totals(int periods) {
            referrals = new long[periods];
            kept = new long[periods];
            leaked = new long[periods];
        }

        void add(int period, long referrals, long kept, long leaked) {
            this.referrals[period] += referrals;
            this.kept[period] += kept;
            this.leaked[period] += leaked;
        }

        Map<String, Object> asRow(long generation) {
            var row = new HashMap<String, Object>();
            row.put("generation", generation);
            row.put("referrals", cumulative(referrals));
            row.put("kept", cumulative(kept));
            row.put("leaked", cumulative(leaked));
            return row;
        }

        private static List<Long> cumulative(long[] values) {
            var sums = new ArrayList<Long>(values.length + 1);
            long sum = 0;
            sums.add(0L);
            for (long value : values) {
                sum += value;
                sums.add(sum);
            }
            return sums;
        }
    }
}
