package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * One run of an import as the formats see it: the options, counters, the error report and batched write
 * transactions over the driver. Counters are read by the progress display while the run goes on.
 */
final class ImportJob implements AutoCloseable {

    /** Rows per write transaction: large enough to amortise a round trip, small enough for a modest heap. */
    static final int BATCH = 10_000;

    /**
     * Writer threads for referral pairs: rows of different senders are written by two transactions at once.
     * Measured on two cores, 1,000,000 referrals: 73 s with two writers, 83 s with one. Registry rows gain
     * nothing from a second writer (32 s against 26 s for 100,000 rows: the full-text index and the NPI
     * constraint serialise them), so NPPES is written by one, still beside the reading thread.
     */
    static final int REFERRAL_WRITERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Batches waiting per writer while the reading thread goes on, bounding the rows held in memory. */
    private static final int QUEUED_PER_WRITER = 2;

    /**
     * What a statement's rows write, for the created/updated counts; OTHER is not counted. NEW_RELATIONSHIPS
     * creates one relationship per row: a batch that creates fewer fails the import, since rows would be lost.
     */
    enum Kind { NODES, RELATIONSHIPS, NEW_RELATIONSHIPS, OTHER }

    private final Driver driver;
    private final String importId;
    private final ImportOptions options;
    private final ErrorReport errors;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong nodesCreated = new AtomicLong();
    private final AtomicLong nodesUpdated = new AtomicLong();
    private final AtomicLong relationshipsCreated = new AtomicLong();
    private final AtomicLong relationshipsUpdated = new AtomicLong();
    private volatile DoubleSupplier fraction = () -> 0;
    private volatile String fileName = "";
    private final List<Lanes> lanes = new ArrayList<>();

    ImportJob(Driver driver, String importId, ImportOptions options, ErrorReport errors) {
        this.driver = driver;
        this.importId = importId;
        this.options = options;
        this.errors = errors;
    }

    ImportOptions options() {
        return options;
    }

    String importId() {
        return importId;
    }

    /** Opens a file of the import and follows its progress. */
    CsvRows open(Path file) {
        CsvRows rows = CsvRows.open(file);
        fileName = file.getFileName().toString();
        fraction = rows::fraction;
        return rows;
    }

    /** Refuses the whole file before anything is written when required columns are missing. */
    static CsvRows.Header requireColumns(CsvRows rows, Path file, String... required) {
        if (rows.firstRow() == null) {
            throw new ImportRefusedException(file.getFileName() + " is empty");
        }
        var header = new CsvRows.Header(rows.firstRow());
        List<String> missing = header.missing(required);
        if (!missing.isEmpty()) {
            throw new ImportRefusedException(file.getFileName() + " lacks the required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; nothing was imported");
        }
        rows.skipHeader();
        return header;
    }

    /**
     * Reads every row, counting it read, then accepted when the handler returns or refused (with the row's
     * line) when it throws {@link RowRefused}; for loaders that write nothing per row themselves.
     */
    void eachRow(CsvRows rows, java.util.function.Consumer<CsvRows.Row> handler) {
        CsvRows.Row row;
        while ((row = rows.next()) != null) {
            rowRead();
            try {
                handler.accept(row);
                accepted();
            } catch (RowRefused problem) {
                refuse(row.line(), problem);
            }
        }
    }

    void rowRead() {
        read.incrementAndGet();
    }

    void accepted() {
        imported.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void refuse(long line, RowRefused problem) {
        refuse(line, problem.column(), problem.value(), problem.getMessage());
    }

    void refuse(long line, String column, String value, String reason) {
        refused.incrementAndGet();
        errors.add(fileName, line, column, value, reason);
    }

    /** An accepted row that turned out to repeat an earlier one of the same file. */
    void refuseAccepted(long line, String column, String value, String reason) {
        imported.decrementAndGet();
        refuse(line, column, value, reason);
    }

    double fraction() {
        return fraction.getAsDouble();
    }

    ImportSummary summary() {
        return new ImportSummary(read.get(), imported.get(), skipped.get(), refused.get(), nodesCreated.get(),
                nodesUpdated.get(), relationshipsCreated.get(), relationshipsUpdated.get());
    }

    /**
     * Runs one write statement over {@code $rows} in one transaction. A statement may return a column
     * {@code line} (and {@code reason}): rows it did not write, most often because they repeat an earlier row
     * of this import (they met a node or relationship this import already wrote); they are refused.
     */
    void write(String cypher, List<Map<String, Object>> rows, Kind kind, Map<String, Object> parameters,
               String duplicateColumn) {
        if (rows.isEmpty()) {
            return;
        }
        var all = batchParameters(rows, parameters);
        record Refusal(long line, String reason) {
        }
        record Outcome(List<Refusal> duplicates, SummaryCounters counters) {
        }
        Outcome outcome;
        try (var session = driver.session()) {
            outcome = session.executeWrite(tx -> {
                var result = tx.run(cypher, all);
                var lines = new ArrayList<Refusal>();
                while (result.hasNext()) {
                    var record = result.next();
                    if (record.containsKey("line") && !record.get("line").isNull()) {
                        lines.add(new Refusal(record.get("line").asLong(), record.containsKey("reason")
                                ? record.get("reason").asString() : "repeats an earlier row of this file with the same key"));
                    }
                }
                return new Outcome(lines, result.consume().counters());
            });
        }
        for (Refusal refusal : outcome.duplicates()) {
            refuseAccepted(refusal.line(), duplicateColumn, "", refusal.reason());
        }
        long written = rows.size() - outcome.duplicates().size();
        if (kind == Kind.NEW_RELATIONSHIPS && outcome.counters().relationshipsCreated() != written) {
            throw new IllegalStateException("A batch of " + written + " rows created "
                    + outcome.counters().relationshipsCreated() + " relationships: nodes it names were deleted while "
                    + "the import ran. Run the import again.");
        }
        nodesCreated.addAndGet(outcome.counters().nodesCreated());
        relationshipsCreated.addAndGet(outcome.counters().relationshipsCreated());
        if (kind == Kind.NODES) {
            nodesUpdated.addAndGet(Math.max(0, written - outcome.counters().nodesCreated()));
        } else if (kind == Kind.RELATIONSHIPS) {
            relationshipsUpdated.addAndGet(Math.max(0, written - outcome.counters().relationshipsCreated()));
        }
    }

    /**
     * Runs a write statement over {@code $rows} in one transaction and returns its records, counting the
     * nodes it created (stubs).
     */
    List<Record> merge(String cypher, List<Map<String, Object>> rows, Map<String, Object> parameters) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var all = batchParameters(rows, parameters);
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var result = tx.run(cypher, all);
                var records = result.list();
                nodesCreated.addAndGet(result.consume().counters().nodesCreated());
                return records;
            });
        }
    }

    /** A batch's parameters: the statement's own, the rows as {@code $rows} and this import's {@code $importId}. */
    private Map<String, Object> batchParameters(List<Map<String, Object>> rows, Map<String, Object> parameters) {
        var all = new HashMap<String, Object>(parameters);
        all.put("rows", rows);
        all.put("importId", importId);
        return all;
    }

    /** Runs a statement and returns one column of its rows as text. */
    List<String> strings(String cypher, Map<String, Object> parameters, String column) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list(r -> r.get(column).asString()));
        }
    }

    /** Runs a write statement once, outside the batches. */
    void run(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run(cypher, parameters).consume());
        }
    }

    boolean exists(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).hasNext());
        }
    }

    /** Rows collected for one statement, handed on in batches of {@link #BATCH} and at the end. */
    static final class Buffer {
        private final Consumer<List<Map<String, Object>>> sink;
        private final Set<Object> keys = new HashSet<>();
        private List<Map<String, Object>> rows = new ArrayList<>();

        private Buffer(Consumer<List<Map<String, Object>>> sink) {
            this.sink = sink;
        }

        void add(Map<String, Object> row) {
            rows.add(row);
            if (rows.size() >= BATCH) {
                flush();
            }
        }

        /**
         * Adds a row whose statement looks up what earlier rows wrote: a row repeating the key of one waiting
         * in this batch first sends the batch, so that it meets the earlier row in the graph.
         */
        void add(Object key, Map<String, Object> row) {
            if (!keys.add(key)) {
                flush();
                keys.add(key);
            }
            add(row);
        }

        List<Map<String, Object>> pending() {
            return rows;
        }

        void flush() {
            var batch = rows;
            rows = new ArrayList<>();
            keys.clear();
            sink.accept(batch);
        }
    }

    Buffer buffer(String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn) {
        return buffer(cypher, kind, parameters, duplicateColumn, null);
    }

    /** A buffer that passes each batch through {@code beforeWrite} (which may refuse rows) before writing it. */
    Buffer buffer(String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn,
                  UnaryOperator<List<Map<String, Object>>> beforeWrite) {
        return new Buffer(batch -> write(cypher, beforeWrite == null ? batch : beforeWrite.apply(batch), kind,
                parameters, duplicateColumn));
    }

    /**
     * Rows written by {@code writers} threads at once while the reading thread goes on. Rows are spread over
     * the writers by a key: rows with the same key always go to the same writer, which writes its batches one
     * after the other in file order, so a row always meets the rows before it with that key (an update, or a
     * repeat to refuse) exactly as with one writer. A batch never holds two rows with the same batch key: the
     * first is written before the second is added.
     */
    Lanes lanes(int writers, String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn,
                UnaryOperator<List<Map<String, Object>>> beforeWrite) {
        var created = new Lanes(writers, cypher, kind, parameters, duplicateColumn, beforeWrite);
        lanes.add(created);
        return created;
    }

    /** Waits for every write handed to writer threads, rethrowing the first failure. */
    void awaitWrites() {
        for (Lanes lane : lanes) {
            lane.finish();
        }
    }

    /** Stops the writer threads; writes not yet started are dropped (the import failed). */
    @Override
    public void close() {
        for (Lanes lane : lanes) {
            lane.close();
        }
    }

    final class Lanes {
        private volatile String cypher;
        private volatile Kind kind;
        private final Map<String, Object> parameters;
        private final String duplicateColumn;
        private final UnaryOperator<List<Map<String, Object>>> beforeWrite;
        private final List<Buffer> buffers = new ArrayList<>();
        private final List<ExecutorService> writers = new ArrayList<>();
        private final List<Deque<Future<?>>> queued = new ArrayList<>();
        private final int count;

        private Lanes(int count, String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn,
                      UnaryOperator<List<Map<String, Object>>> beforeWrite) {
            this.count = count;
            this.cypher = cypher;
            this.kind = kind;
            this.parameters = parameters;
            this.duplicateColumn = duplicateColumn;
            this.beforeWrite = beforeWrite;
            for (int i = 0; i < count; i++) {
                int lane = i;
                buffers.add(new Buffer(batch -> submit(lane, batch)));
                int number = i + 1;
                writers.add(Executors.newSingleThreadExecutor(runnable -> {
                    var thread = new Thread(runnable, "import-writer-" + number);
                    thread.setDaemon(true);
                    return thread;
                }));
                queued.add(new ArrayDeque<>());
            }
        }

        /** Writes the batches handed over from now on with another statement. */
        void switchTo(String statement, Kind writes) {
            cypher = statement;
            kind = writes;
        }

        /** Adds a row for the writer of {@code key}; a repeated {@code batchKey} first sends that writer's batch. */
        void add(long key, Object batchKey, Map<String, Object> row) {
            buffers.get((int) Math.floorMod(key * 0x9E3779B97F4A7C15L >>> 33, (long) count)).add(batchKey, row);
        }

        private void submit(int lane, List<Map<String, Object>> batch) {
            var toWrite = beforeWrite == null ? batch : beforeWrite.apply(batch);
            var waiting = queued.get(lane);
            while (waiting.size() >= QUEUED_PER_WRITER) {
                await(waiting.poll());
            }
            String statement = cypher;
            Kind writes = kind;
            waiting.add(writers.get(lane).submit(() -> write(statement, toWrite, writes, parameters, duplicateColumn)));
        }

        /** Writes what is left and waits for every batch of every writer. */
        void finish() {
            for (Buffer buffer : buffers) {
                if (!buffer.pending().isEmpty()) {
                    buffer.flush();
                }
            }
            for (var waiting : queued) {
                while (!waiting.isEmpty()) {
                    await(waiting.poll());
                }
            }
        }

        private void await(Future<?> write) {
            try {
                write.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("The import was interrupted", e);
            } catch (ExecutionException e) {
                close();
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        void close() {
            writers.forEach(ExecutorService::shutdownNow);
            for (var writer : writers) {
                try {
                    writer.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
