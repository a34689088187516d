package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * One run of an import as the formats see it: the options, counters, the error report and batched write
 * transactions over the driver. Counters are read by the progress display while the run goes on.
 * <p>
 * A dry run goes through the same loaders, statements and counters, but each batch's statements share one
 * transaction that is rolled back at the batch's end, so nothing reaches the graph. What a later batch would
 * have met in the graph is therefore missing; the one thing rows depend on, whether a row repeats the key of
 * an earlier one, the dry run remembers itself ({@link Repeats}). Nodes and relationships a batch creates are
 * created again by the next one that names them, so a dry run does not count them.
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

    /** Why a row that meets what this import already wrote is refused. */
    static final String REPEAT = "repeats an earlier row of this file with the same key";

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
    private final boolean dryRun;
    private final int batch;
    /** A dry run's transaction of the batch the current thread writes, rolled back at the batch's end. */
    private final ThreadLocal<Transaction> batchTransaction = new ThreadLocal<>();
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
        this(driver, importId, options, errors, false, BATCH);
    }

    /**
     * @param dryRun every batch rolled back (see above)
     * @param batch  rows per write transaction ({@link #BATCH}; tests use a few to cross batches)
     */
    ImportJob(Driver driver, String importId, ImportOptions options, ErrorReport errors, boolean dryRun, int batch) {
        this.driver = driver;
        this.importId = importId;
        this.options = options;
        this.errors = errors;
        this.dryRun = dryRun;
        this.batch = batch;
    }

    boolean dryRun() {
        return dryRun;
    }

    /** Rows per write transaction. */
    int batch() {
        return batch;
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
        write(cypher, rows, kind, parameters, duplicateColumn, null);
    }

    /**
     * As above; {@code repeats} (null when the statement recognises no repeats) names the key by which the
     * statement recognises a row repeating an earlier one, which a dry run must remember itself.
     */
    void write(String cypher, List<Map<String, Object>> batchRows, Kind kind, Map<String, Object> parameters,
               String duplicateColumn, Repeats repeats) {
        if (batchRows.isEmpty()) {
            return;
        }
        record Refusal(long line, String reason) {
        }
        record Outcome(List<Refusal> duplicates, SummaryCounters counters) {
        }
        var remembered = new ArrayList<Refusal>();
        List<Map<String, Object>> rows = batchRows;
        List<Object> keys = null;
        if (dryRun && repeats != null) {
            // the graph no longer holds what earlier batches wrote: the rows meeting it are known by their keys
            keys = new ArrayList<>();
            rows = new ArrayList<>();
            List<Object> batchKeys = repeats.key.keys(batchRows);
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
        Outcome outcome = rows.isEmpty() ? new Outcome(List.of(), null) : writing(tx -> {
            var result = tx.run(cypher, all);
            var lines = new ArrayList<Refusal>();
            while (result.hasNext()) {
                var record = result.next();
                if (record.containsKey("line") && !record.get("line").isNull()) {
                    lines.add(new Refusal(record.get("line").asLong(), record.containsKey("reason")
                            ? record.get("reason").asString() : REPEAT));
                }
            }
            return new Outcome(lines, result.consume().counters());
        });
        if (keys != null) {
            repeats.remember(keys);
        }
        var refusals = outcome.duplicates();
        if (!remembered.isEmpty()) {
            remembered.addAll(refusals);
            remembered.sort(Comparator.comparingLong(Refusal::line));
            refusals = remembered;
        }
        for (Refusal refusal : refusals) {
            refuseAccepted(refusal.line(), duplicateColumn, "", refusal.reason());
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
        return writing(tx -> {
            var result = tx.run(cypher, all);
            var records = result.list();
            nodesCreated.addAndGet(result.consume().counters().nodesCreated());
            return records;
        });
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
        return reading(tx -> tx.run(cypher, parameters).list(r -> r.get(column).asString()));
    }

    /** Runs a write statement once, outside the batches. */
    void run(String cypher, Map<String, Object> parameters) {
        writing(tx -> tx.run(cypher, parameters).consume());
    }

    boolean exists(String cypher, Map<String, Object> parameters) {
        return reading(tx -> tx.run(cypher, parameters).hasNext());
    }

    /**
     * Runs one batch: its look-ups, the stubs it needs and its write. In a dry run they share one transaction,
     * rolled back at the end, so that the write meets the stubs; otherwise each statement commits its own.
     */
    void inBatch(Runnable work) {
        if (!dryRun || batchTransaction.get() != null) {
            work.run();
            return;
        }
        try (var session = driver.session(); var tx = session.beginTransaction()) {
            batchTransaction.set(tx);
            try {
                work.run();
            } finally {
                batchTransaction.remove();
                tx.rollback();
            }
        }
    }

    private <T> T writing(Function<SimpleQueryRunner, T> work) {
        if (!dryRun) {
            try (var session = driver.session()) {
                return session.executeWrite(work::apply);
            }
        }
        var result = new ArrayList<T>(1);
        inBatch(() -> result.add(work.apply(batchTransaction.get())));
        return result.get(0);
    }

    private <T> T reading(Function<SimpleQueryRunner, T> work) {
        Transaction bound = batchTransaction.get();
        if (bound != null) {
            return work.apply(bound);
        }
        try (var session = driver.session()) {
            return session.executeRead(work::apply);
        }
    }

    /** The keys of a batch's rows, in order, by which a statement recognises a repeated row. */
    @FunctionalInterface
    interface RepeatKey {
        /** May read the graph: in a dry run it runs in the batch's transaction, before the write. */
        List<Object> keys(List<Map<String, Object>> rows);

        /** A key computed from each row alone. */
        static RepeatKey of(Function<Map<String, Object>, Object> key) {
            return rows -> rows.stream().map(key).toList();
        }
    }

    /**
     * The rows of one statement that a dry run has sent, by the key the statement MERGEs on and whose
     * {@code importId} marks a repeat (an NPI, a pair of NPIs, a facility id…): a real import finds them in
     * the graph, a dry run here. Numbers are kept as primitives, about 16 bytes each; other keys as objects.
     * Rows with one key always go to one writer, but writers share this.
     */
    static final class Repeats {
        private final RepeatKey key;
        private final LongHashSet numbers = new LongHashSet();
        private final Set<Object> others = new HashSet<>();

        private Repeats(RepeatKey key) {
            this.key = key;
        }

        private synchronized boolean seen(Object key) {
            return key instanceof Long number ? numbers.contains(number) : others.contains(key);
        }

        private synchronized void remember(List<Object> keys) {
            for (Object k : keys) {
                if (k instanceof Long number) {
                    numbers.add(number);
                } else {
                    others.add(k);
                }
            }
        }
    }

    /** What a statement recognises repeated rows by; ignored by a real import, whose graph recognises them. */
    Repeats repeats(RepeatKey key) {
        return new Repeats(key);
    }

    /** Rows collected for one statement, handed on in batches of {@link #batch()} rows and at the end. */
    static final class Buffer {
        private final Consumer<List<Map<String, Object>>> sink;
        private final int size;
        private final Set<Object> keys = new HashSet<>();
        private List<Map<String, Object>> rows = new ArrayList<>();

        private Buffer(Consumer<List<Map<String, Object>>> sink, int size) {
            this.sink = sink;
            this.size = size;
        }

        void add(Map<String, Object> row) {
            rows.add(row);
            if (rows.size() >= size) {
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
        return buffer(cypher, kind, parameters, duplicateColumn, null, null);
    }

    Buffer buffer(String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn, Repeats repeats) {
        return buffer(cypher, kind, parameters, duplicateColumn, null, repeats);
    }

    /** A buffer that passes each batch through {@code beforeWrite} (which may refuse rows) before writing it. */
    Buffer buffer(String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn,
                  UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
        return new Buffer(rows -> inBatch(() -> write(cypher, beforeWrite == null ? rows : beforeWrite.apply(rows), kind,
                parameters, duplicateColumn, repeats)), batch);
    }

    /**
     * Rows written by {@code writers} threads at once while the reading thread goes on. Rows are spread over
     * the writers by a key: rows with the same key always go to the same writer, which writes its batches one
     * after the other in file order, so a row always meets the rows before it with that key (an update, or a
     * repeat to refuse) exactly as with one writer. A batch never holds two rows with the same batch key: the
     * first is written before the second is added.
     */
    Lanes lanes(int writers, String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn,
                UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
        // a dry run writes on one thread: its batch transactions hold their locks until they are rolled back, and
        // two of them merging the same stubs could wait for each other
        var created = new Lanes(dryRun ? 1 : writers, cypher, kind, parameters, duplicateColumn, beforeWrite, repeats);
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
        private final Repeats repeats;
        private final List<Buffer> buffers = new ArrayList<>();
        private final List<ExecutorService> writers = new ArrayList<>();
        private final List<Deque<Future<?>>> queued = new ArrayList<>();
        private final int count;

        private Lanes(int count, String cypher, Kind kind, Map<String, Object> parameters, String duplicateColumn,
                      UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
            this.count = count;
            this.cypher = cypher;
            this.kind = kind;
            this.parameters = parameters;
            this.duplicateColumn = duplicateColumn;
            this.beforeWrite = beforeWrite;
            this.repeats = repeats;
            for (int i = 0; i < count; i++) {
                int lane = i;
                buffers.add(new Buffer(rows -> submit(lane, rows), batch));
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

        private void submit(int lane, List<Map<String, Object>> rows) {
            UnaryOperator<List<Map<String, Object>>> prepare = beforeWrite == null ? UnaryOperator.identity() : beforeWrite;
            String statement = cypher;
            Kind writes = kind;
            var waiting = queued.get(lane);
            if (dryRun) {
                // the stubs beforeWrite makes are rolled back with the batch: make them in the write's transaction
                while (waiting.size() >= QUEUED_PER_WRITER) {
                    await(waiting.poll());
                }
                waiting.add(writers.get(lane).submit(() -> inBatch(() -> write(statement, prepare.apply(rows), writes,
                        parameters, duplicateColumn, repeats))));
                return;
            }
            var toWrite = prepare.apply(rows);
            while (waiting.size() >= QUEUED_PER_WRITER) {
                await(waiting.poll());
            }
            waiting.add(writers.get(lane).submit(() -> write(statement, toWrite, writes, parameters, duplicateColumn,
                    repeats)));
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
