package org.liaisonprm.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.liaisonprm.graph.Cypher;

/**
 * Rows written by several writer threads at once while the reading thread goes on. Rows are spread over
 * the writers by a key: rows with the same key always go to the same writer, which writes its batches one
 * after the other in file order, so a row always meets the rows before it with that key (an update, or a
 * repeat to refuse) exactly as with one writer. A batch never holds two rows with the same batch key: the
 * first is written before the second is added.
 */
final class WriterLanes implements RowLanes {

    /** Batches waiting per writer while the reading thread goes on, bounding the rows held in memory. */
    private static final int QUEUED_PER_WRITER = 2;

    private final BatchWriter writer;
    private volatile Cypher cypher;
    private volatile BatchWriter.Kind kind;
    private final Map<String, Object> parameters;
    private final String duplicateColumn;
    private final UnaryOperator<List<Map<String, Object>>> beforeWrite;
    private final Repeats repeats;
    private final List<RowBuffer> buffers = new ArrayList<>();
    private final List<ExecutorService> writers = new ArrayList<>();
    private final List<Deque<Future<?>>> queued = new ArrayList<>();
    private final int count;

    WriterLanes(BatchWriter writer, int count, int batch, Cypher cypher, BatchWriter.Kind kind,
                Map<String, Object> parameters, String duplicateColumn,
                UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
        this.writer = writer;
        this.count = count;
        this.cypher = cypher;
        this.kind = kind;
        this.parameters = parameters;
        this.duplicateColumn = duplicateColumn;
        this.beforeWrite = beforeWrite;
        this.repeats = repeats;
        for (int i = 0; i < count; i++) {
            int lane = i;
            buffers.add(new RowBuffer(rows -> submit(lane, rows), batch));
            int number = i + 1;
            writers.add(Executors.newSingleThreadExecutor(runnable -> {
                var thread = new Thread(runnable, "import-writer-" + number);
                thread.setDaemon(true);
                return thread;
            }));
            queued.add(new ArrayDeque<>());
        }
    }

    @Override
    public void switchTo(Cypher statement, BatchWriter.Kind writes) {
        cypher = statement;
        kind = writes;
    }

    @Override
    public void add(long key, Object batchKey, Map<String, Object> row) {
        buffers.get((int) Math.floorMod(key * 0x9E3779B97F4A7C15L >>> 33, (long) count)).add(batchKey, row);
    }

    private void submit(int lane, List<Map<String, Object>> rows) {
        UnaryOperator<List<Map<String, Object>>> prepare = beforeWrite == null ? UnaryOperator.identity() : beforeWrite;
        Cypher statement = cypher;
        BatchWriter.Kind writes = kind;
        var waiting = queued.get(lane);
        if (writer.dryRun()) {
            // the stubs beforeWrite makes are rolled back with the batch: make them in the write's transaction
            while (waiting.size() >= QUEUED_PER_WRITER) {
                await(waiting.poll());
            }
            waiting.add(writers.get(lane).submit(() -> writer.inBatch(() -> writer.write(statement, prepare.apply(rows),
                    writes, parameters, duplicateColumn, repeats))));
            return;
        }
        var toWrite = prepare.apply(rows);
        while (waiting.size() >= QUEUED_PER_WRITER) {
            await(waiting.poll());
        }
        waiting.add(writers.get(lane).submit(() -> writer.write(statement, toWrite, writes, parameters, duplicateColumn,
                repeats)));
    }

    /** Writes what is left and waits for every batch of every writer. */
    @Override
    public void finish() {
        for (RowBuffer buffer : buffers) {
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
