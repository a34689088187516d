package org.liaisonprm.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final Driver driver;

    public ReferralRollup(Driver driver) {
        this.driver = driver;
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
        return read("""
                MATCH (a:ReferralRollup)
                RETURN a.generation AS generation, a.relationships AS relationships, size(a.periods) AS periods
                """, Map.of()).stream().findFirst()
                .map(r -> new State(r.get("generation").asLong(), r.get("relationships").asLong(),
                        r.get("periods").asInt()));
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
        List<LocalDate> periods = read("""
                MATCH ()-[r:REFERRED]->() WHERE r.periodStart IS NOT NULL
                RETURN DISTINCT r.periodStart AS period ORDER BY period
                """, Map.of()).stream().map(r -> r.get("period").asLocalDate()).toList();
        var index = new HashMap<LocalDate, Integer>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }
        List<Record> senders = read("""
                MATCH (p:Physician) WHERE p.network IN ['IN', 'AFFILIATED'] AND EXISTS { (p)-[:REFERRED]->() }
                RETURN p.id AS id, p.network AS network ORDER BY id
                """, Map.of());

        var lineTotals = new LinkedHashMap<List<String>, Totals>();
        var rows = new ArrayList<Map<String, Object>>();
        for (int from = 0; from < senders.size(); from += SENDERS_PER_BATCH) {
            var batch = senders.subList(from, Math.min(senders.size(), from + SENDERS_PER_BATCH));
            var networks = new HashMap<String, String>();
            batch.forEach(r -> networks.put(r.get("id").asString(), r.get("network").asString()));
            var bySender = new LinkedHashMap<List<String>, Totals>();
            for (Record r : read("""
                    UNWIND $ids AS id
                    MATCH (p:Physician {id: id})-[r:REFERRED]->(t)
                    WHERE r.periodStart IS NOT NULL
                    RETURN id, r.serviceLine AS line, r.periodStart AS period,
                           sum(r.referrals) AS referrals,
                           sum(CASE WHEN t.network IN ['IN', 'AFFILIATED'] THEN r.referrals ELSE 0 END) AS kept,
                           sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
                    """, Map.of("ids", new ArrayList<>(networks.keySet())))) {
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
                create("SenderTotals", rows);
                rows.clear();
            }
        }
        create("SenderTotals", rows);
        rows.clear();
        lineTotals.forEach((key, totals) -> {
            Map<String, Object> row = totals.asRow(generation);
            row.put("network", key.get(0));
            row.put("serviceLine", key.get(1));
            rows.add(row);
        });
        create("LeakageTotals", rows);

        write("""
                MERGE (a:ReferralRollup)
                SET a.generation = $generation, a.periods = $periods, a.relationships = $relationships,
                    a.senders = $senders, a.builtAt = datetime()
                """, Map.of("generation", generation, "periods", periods, "relationships", relationships,
                "senders", senders.size()));
        removeOtherGenerations(generation);
        log.info("Referral rollup generation {} built in {} ms: {} senders, {} periods, {} relationships",
                generation, (System.nanoTime() - started) / 1_000_000, senders.size(), periods.size(), relationships);
        return new State(generation, relationships, periods.size());
    }

    /** Removes every rollup node, for a graph that is being emptied. */
    public void clear() {
        removeOtherGenerations(-1);
        write("MATCH (a:ReferralRollup) DELETE a", Map.of());
    }

    private long referredCount() {
        return read("MATCH ()-[r:REFERRED]->() RETURN count(r) AS n", Map.of()).get(0).get("n").asLong();
    }

    private void removeOtherGenerations(long generation) {
        for (String label : List.of("SenderTotals", "LeakageTotals")) {
            long removed;
            do {
                removed = write("""
                        MATCH (n:%s) WHERE n.generation <> $generation
                        WITH n LIMIT 10000 DELETE n RETURN count(*) AS removed
                        """.formatted(label), Map.of("generation", generation));
            } while (removed > 0);
        }
    }

    private void create(String label, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            var batch = rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH));
            write("UNWIND $rows AS row CREATE (n:%s) SET n = row".formatted(label), Map.of("rows", batch));
        }
    }

    private List<Record> read(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list());
        }
    }

    private long write(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var result = tx.run(cypher, parameters);
                long removed = result.hasNext() ? result.next().get(0).asLong(0) : 0;
                result.consume();
                return removed;
            });
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
