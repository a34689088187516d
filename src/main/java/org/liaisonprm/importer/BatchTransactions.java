package org.liaisonprm.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.liaisonprm.graph.Cypher;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * The transactions an import's batch statements run in. A real import commits each statement in a transaction
 * of its own. A dry run opens one explicit transaction per batch, binds it to the thread writing the batch so
 * that the batch's look-ups, stubs and write all run in it (the write meets the stubs), and rolls it back at the
 * batch's end: nothing reaches the graph.
 * <p>
 * The one place in the importer that holds the driver: {@link org.liaisonprm.graph.Graph} has no transaction
 * that is rolled back, nor a statement's rows together with its counters, which every batch write needs.
 */
final class BatchTransactions {

    /** A write statement's rows and what it created. */
    record Written(List<Record> rows, SummaryCounters counters) {
    }

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

    /** Runs a statement that writes: in a transaction of its own, or in a dry run in the batch's. */
    Written write(Cypher statement, Map<String, Object> parameters) {
        return writing(tx -> {
            var result = tx.run(statement.text(), parameters);
            var rows = result.list();
            return new Written(rows, result.consume().counters());
        });
    }

    /** Runs a read-only statement: in the batch's transaction when a dry run's batch is under way, else in its own. */
    List<Record> read(Cypher statement, Map<String, Object> parameters) {
        Function<SimpleQueryRunner, List<Record>> work = tx -> tx.run(statement.text(), parameters).list();
        Transaction bound = batchTransaction.get();
        if (bound != null) {
            return work.apply(bound);
        }
        try (var session = driver.session()) {
            return session.executeRead(work::apply);
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
}
