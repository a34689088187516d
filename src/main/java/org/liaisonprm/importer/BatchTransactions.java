package org.liaisonprm.importer;

import java.util.ArrayList;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;

/**
 * The transactions an import's batches run in. A real import commits each statement in a transaction of its
 * own. A dry run opens one explicit transaction per batch, binds it to the thread writing the batch so that
 * the batch's look-ups, stubs and write all run in it (the write meets the stubs), and rolls it back at the
 * batch's end: nothing reaches the graph.
 */
final class BatchTransactions {

    private final Driver driver;
    private final boolean dryRun;
    /** A dry run's transaction of the batch the current thread writes, rolled back at the batch's end. */
    private final ThreadLocal<Transaction> batchTransaction = new ThreadLocal<>();

    BatchTransactions(Driver driver, boolean dryRun) {
        this.driver = driver;
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

    /** Runs writing work: in a transaction of its own, or in a dry run in the batch's. */
    <T> T writing(Function<SimpleQueryRunner, T> work) {
        if (!dryRun) {
            try (var session = driver.session()) {
                return session.executeWrite(work::apply);
            }
        }
        var result = new ArrayList<T>(1);
        inBatch(() -> result.add(work.apply(batchTransaction.get())));
        return result.get(0);
    }

    /** Runs reading work: in the batch's transaction when a dry run's batch is under way, else in its own. */
    <T> T reading(Function<SimpleQueryRunner, T> work) {
        Transaction bound = batchTransaction.get();
        if (bound != null) {
            return work.apply(bound);
        }
        try (var session = driver.session()) {
            return session.executeRead(work::apply);
        }
    }
}
