package org.liaisonprm.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;

/**
 * The transactions an import's batch statements run in. A real import commits each statement in a transaction
 * of its own. A dry run opens one explicit transaction per batch, binds it to the thread writing the batch so
 * that the batch's look-ups, stubs and write all run in it (the write meets the stubs), and rolls it back at the
 * batch's end: nothing reaches the graph.
 */
final class BatchTransactions {

    private final Graph graph;
    private final boolean dryRun;
    /** A dry run's transaction of the batch the current thread writes, rolled back at the batch's end. */
    private final ThreadLocal<Graph.Tx> batchTransaction = new ThreadLocal<>();

    BatchTransactions(Graph graph, boolean dryRun) {
        this.graph = graph;
        this.dryRun = dryRun;
    }

    boolean dryRun() {
        return dryRun;
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
        graph.inTransaction(AccessMode.WRITE, TransactionConfig.empty(), Graph.Outcome.ROLL_BACK, tx -> {
            batchTransaction.set(tx);
            try {
                work.run();
            } finally {
                batchTransaction.remove();
            }
            return null;
        });
    }

    /** Runs a statement that writes: in a transaction of its own, or in a dry run in the batch's. */
    Graph.Written write(Cypher statement, Map<String, Object> parameters) {
        if (!dryRun) {
            return graph.write(tx -> tx.written(statement, parameters));
        }
        var result = new ArrayList<Graph.Written>(1);
        inBatch(() -> result.add(batchTransaction.get().written(statement, parameters)));
        return result.get(0);
    }

    /** Runs a read-only statement outside any batch, handing each record on as it streams in. */
    void each(Cypher statement, Map<String, Object> parameters, java.util.function.Consumer<Record> row) {
        graph.read(statement, parameters, record -> {
            row.accept(record);
            return Boolean.TRUE;
        });
    }

    /** Runs a read-only statement: in the batch's transaction when a dry run's batch is under way, else in its own. */
    List<Record> read(Cypher statement, Map<String, Object> parameters) {
        Graph.Tx bound = batchTransaction.get();
        if (bound != null) {
            return bound.list(statement, parameters, row -> row);
        }
        return graph.read(statement, parameters, row -> row);
    }
}
