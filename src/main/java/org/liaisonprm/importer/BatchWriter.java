package org.liaisonprm.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * An import's writes: statements over {@code $rows} in batches, on the reading thread ({@link #buffer}) or on
 * writer threads ({@link #lanes}), counting what they created and updated and refusing the rows a statement
 * reports as repeats. In a dry run every batch is rolled back ({@link BatchTransactions}); the repeats a real
 * import would meet in the graph are remembered here instead ({@link Repeats}).
 */
final class BatchWriter implements AutoCloseable {

    /** Rows per write transaction: large enough to amortise a round trip, small enough for a modest heap. */
    static final int BATCH = 10_000;

    /**
     * Writer threads for referral pairs: rows of different senders are written by two transactions at once.
     * Measured on two cores, 1,000,000 referrals: 73 s with two writers, 83 s with one. Registry rows gain
     * nothing from a second writer (32 s against 26 s for 100,000 rows: the full-text index and the NPI
     * constraint serialise them), so NPPES is written by one, still beside the reading thread.
     */
    static final int REFERRAL_WRITERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Why a row that meets what this import already wrote is refused. */
    static final String REPEAT = "repeats an earlier row of this file with the same key";

    /**
     * Rows per batch of a load that keeps few of the rows it reads ({@code --state}, {@code --only-known-npis}):
     * its writer gets each batch sooner and little is left to write once the file has been read.
     */
    static final int FILTERED_BATCH = 2_000;

    /**
     * What a statement's rows write, for the created/updated counts; OTHER is not counted. NEW_RELATIONSHIPS
     * creates one relationship per row: a batch that creates fewer fails the import, since rows would be lost.
     */
    enum Kind { NODES, RELATIONSHIPS, NEW_RELATIONSHIPS, OTHER }

    /** Refuses a row that had been counted as accepted. */
    @FunctionalInterface
    interface Refusals {
        void refuseAccepted(long line, String column, String value, String reason);
    }

    private record Refusal(long line, String reason) {
    }

    private record Outcome(List<Refusal> duplicates, SummaryCounters counters) {
    }

    private final BatchTransactions transactions;
    private final String importId;
    private final int batch;
    private final ImportCounters counters;
    private final Refusals refusals;
    private final List<WriterLanes> lanes = new ArrayList<>();

    BatchWriter(BatchTransactions transactions, String importId, int batch, ImportCounters counters,
                Refusals refusals) {
        this.transactions = transactions;
        this.importId = importId;
        this.batch = batch;
        this.counters = counters;
        this.refusals = refusals;
    }

    boolean dryRun() {
        return transactions.dryRun();
    }

    int batch() {
        return batch;
    }

    /**
     * Runs one write statement over {@code $rows} in one transaction. A statement may return a column
     * {@code line} (and {@code reason}): rows it did not write, most often because they repeat an earlier row
     * of this import (they met a node or relationship this import already wrote); they are refused.
     * {@code repeats} (null when the statement recognises no repeats) names the key by which the statement
     * recognises a row repeating an earlier one, which a dry run must remember itself.
     */
    void write(Cypher cypher, List<Map<String, Object>> batchRows, Kind kind, Map<String, Object> parameters,
               String duplicateColumn, Repeats repeats) {
        if (batchRows.isEmpty()) {
            return;
        }
        var remembered = new ArrayList<Refusal>();
        List<Map<String, Object>> rows = batchRows;
        List<Object> keys = null;
        if (dryRun() && repeats != null) {
            // the graph no longer holds what earlier batches wrote: the rows meeting it are known by their keys
            keys = new ArrayList<>();
            rows = new ArrayList<>();
            List<Object> batchKeys = repeats.keys(batchRows);
            for (int i = 0; i < batchRows.size(); i++) {
                if (repeats.seen(batchKeys.get(i))) {
                    remembered.add(new Refusal((Long) batchRows.get(i).get("line"), REPEAT));
                } else {
                    rows.add(batchRows.get(i));
                    keys.add(batchKeys.get(i));
                }
            }
        }
        var all = batchParameters(rows, parameters);
        Outcome outcome = rows.isEmpty() ? new Outcome(List.of(), null) : outcome(transactions.write(cypher, all));
        if (keys != null) {
            repeats.remember(keys);
        }
        var refused = outcome.duplicates();
        if (!remembered.isEmpty()) {
            remembered.addAll(refused);
            remembered.sort(Comparator.comparingLong(Refusal::line));
            refused = remembered;
        }
        for (Refusal refusal : refused) {
            refusals.refuseAccepted(refusal.line(), duplicateColumn, "", refusal.reason());
        }
        if (outcome.counters() == null) {
            return;
        }
        long written = rows.size() - outcome.duplicates().size();
        if (kind == Kind.NEW_RELATIONSHIPS && outcome.counters().relationshipsCreated() != written) {
            throw new IllegalStateException("A batch of " + written + " rows created "
                    + outcome.counters().relationshipsCreated() + " relationships: nodes it names were deleted while "
                    + "the import ran. Run the import again.");
        }
        counters.nodesCreated(outcome.counters().nodesCreated());
        counters.relationshipsCreated(outcome.counters().relationshipsCreated());
        counters.labelsRemoved(outcome.counters().labelsRemoved());
        if (kind == Kind.NODES) {
            counters.nodesUpdated(Math.max(0, written - outcome.counters().nodesCreated()));
        } else if (kind == Kind.RELATIONSHIPS) {
            counters.relationshipsUpdated(Math.max(0, written - outcome.counters().relationshipsCreated()));
        }
    }

    /** The rows a statement returned with a {@code line}: not written, to be refused ({@code reason} or a repeat). */
    private static Outcome outcome(Graph.Written written) {
        var lines = new ArrayList<Refusal>();
        for (var record : written.rows()) {
            if (record.containsKey("line") && !record.get("line").isNull()) {
                lines.add(new Refusal(record.get("line").asLong(), record.containsKey("reason")
                        ? record.get("reason").asString() : REPEAT));
            }
        }
        return new Outcome(lines, written.counters());
    }

    /**
     * Runs a write statement over {@code $rows} in one transaction and returns its records, counting the
     * nodes it created (stubs).
     */
    List<Record> merge(Cypher cypher, List<Map<String, Object>> rows, Map<String, Object> parameters) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var written = transactions.write(cypher, batchParameters(rows, parameters));
        counters.nodesCreated(written.counters().nodesCreated());
        return written.rows();
    }

    /** A batch's parameters: the statement's own, the rows as {@code $rows} and this import's {@code $importId}. */
    private Map<String, Object> batchParameters(List<Map<String, Object>> rows, Map<String, Object> parameters) {
        var all = new HashMap<String, Object>(parameters);
        all.put("rows", rows);
        all.put("importId", importId);
        return all;
    }

    /** Runs a statement and returns one column of its rows as text. */
    List<String> strings(Cypher cypher, Map<String, Object> parameters, String column) {
        return transactions.read(cypher, parameters).stream().map(r -> r.get(column).asString()).toList();
    }

    /** See {@link BatchTransactions#each}. */
    void each(Cypher cypher, Map<String, Object> parameters, java.util.function.Consumer<Record> row) {
        transactions.each(cypher, parameters, row);
    }

    /** Runs a write statement once, outside the batches. */
    void run(Cypher cypher, Map<String, Object> parameters) {
        transactions.write(cypher, parameters);
    }

    boolean exists(Cypher cypher, Map<String, Object> parameters) {
        return !transactions.read(cypher, parameters).isEmpty();
    }

    /** See {@link BatchTransactions#inBatch}. */
    void inBatch(Runnable work) {
        transactions.inBatch(work);
    }

    /** A buffer that passes each batch through {@code beforeWrite} (which may refuse rows) before writing it. */
    RowBuffer buffer(Cypher cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn,
                     UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
        return new RowBuffer(rows -> inBatch(() -> write(cypher, beforeWrite == null ? rows : beforeWrite.apply(rows),
                kind, parameters, duplicateColumn, repeats)), batch);
    }

    /**
     * Rows written by {@code writers} threads at once while the reading thread goes on ({@link WriterLanes}), in
     * batches of {@code rows}.
     */
    WriterLanes lanes(int writers, int rows, Cypher cypher, Kind kind, Map<String, Object> parameters,
                      String duplicateColumn, UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
        // a dry run writes on one thread: its batch transactions hold their locks until they are rolled back, and
        // two of them merging the same stubs could wait for each other
        var created = new WriterLanes(this, dryRun() ? 1 : writers, rows, cypher, kind, parameters, duplicateColumn,
                beforeWrite, repeats);
        lanes.add(created);
        return created;
    }

    /** Waits for every write handed to writer threads, rethrowing the first failure. */
    void awaitWrites() {
        for (WriterLanes lane : lanes) {
            lane.finish();
        }
    }

    /** Stops the writer threads; writes not yet started are dropped (the import failed). */
    @Override
    public void close() {
        for (WriterLanes lane : lanes) {
            lane.close();
        }
    }
}
