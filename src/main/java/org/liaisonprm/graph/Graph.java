package org.liaisonprm.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.stereotype.Component;

/**
 * The one way the application runs Cypher: a {@link Cypher} statement with parameters, in a read or write
 * transaction of its own (retried by the driver on transient errors), its rows mapped into records. Work that
 * needs several statements in one transaction passes a {@link Work} and runs them on the {@link Tx}.
 * <p>
 * Every committed write advances the {@linkplain #version() graph version}, which cached answers are kept
 * under ({@link GraphAnswers}); only {@linkplain #bookkeeping bookkeeping} (the audit trail, sign-in
 * counters) does not, because no report or picture reads it.
 * <p>
 * When the store cannot be reached every call fails with {@link GraphUnavailableException}; while it stays
 * away, calls fail at once except for one attempt every {@value #PROBE_EVERY_MS} ms, which finds out when
 * it is back.
 * <p>
 * Its bean is named {@code cypherGraph}: {@code graph} is the health indicator's name under {@code /actuator/health}.
 */
@Component("cypherGraph")
public class Graph {

    static final long PROBE_EVERY_MS = 500;

    private final Driver driver;
    private final AtomicLong version = new AtomicLong();
    /** 0 while the store answers; otherwise when the next attempt to reach it may be made. */
    private final AtomicLong nextAttemptAt = new AtomicLong();

    public Graph(Driver driver) {
        this.driver = driver;
    }

    /**
     * Advanced by every write this process commits (except bookkeeping): an answer computed at one version
     * may be reused while the version stays the same.
     */
    public long version() {
        return version.get();
    }

    /** Whether the last call reached the store. */
    public boolean isReachable() {
        return nextAttemptAt.get() == 0;
    }

    /** The rows of a read-only statement, each mapped by {@code row}. */
    public <T> List<T> read(Cypher statement, Map<String, ?> parameters, Function<Record, T> row) {
        return read(tx -> tx.list(statement, parameters, row));
    }

    /** The first row of a read-only statement, if there is one. */
    public <T> Optional<T> readOne(Cypher statement, Map<String, ?> parameters, Function<Record, T> row) {
        return read(tx -> tx.first(statement, parameters, row));
    }

    /** Runs a statement that writes and returns its rows, each mapped by {@code row}. */
    public <T> List<T> write(Cypher statement, Map<String, ?> parameters, Function<Record, T> row) {
        return write(tx -> tx.list(statement, parameters, row));
    }

    /** Runs a statement that writes; its summary holds the counters. */
    public ResultSummary write(Cypher statement, Map<String, ?> parameters) {
        return write(tx -> tx.run(statement, parameters));
    }

    /** Runs {@code work} in one read transaction. */
    public <T> T read(Work<T> work) {
        return reaching(() -> {
            try (var session = driver.session()) {
                return session.executeRead(tx -> work.in(new Tx(tx)));
            }
        });
    }

    /** Runs {@code work} in one write transaction: all of its statements commit together or not at all. */
    public <T> T write(Work<T> work) {
        return advancing(() -> {
            try (var session = driver.session()) {
                return session.executeWrite(tx -> work.in(new Tx(tx)));
            }
        });
    }

    /**
     * Runs a write that no report, picture or list reads (the audit trail, sign-in counters, when a token was
     * last used): it leaves the graph version, and the answers cached under it, as they are.
     */
    public <T> List<T> bookkeeping(Cypher statement, Map<String, ?> parameters, Function<Record, T> row) {
        return reaching(() -> {
            try (var session = driver.session()) {
                return session.executeWrite(tx -> new Tx(tx).list(statement, parameters, row));
            }
        });
    }

    /** As {@link #bookkeeping(Cypher, Map, Function)}, for a statement whose rows are not needed. */
    public void bookkeeping(Cypher statement, Map<String, ?> parameters) {
        bookkeeping(statement, parameters, row -> row);
    }

    /** How an {@linkplain #inTransaction explicit transaction} ends when its work returns. */
    public enum Outcome {
        COMMIT, ROLL_BACK
    }

    /**
     * Runs {@code work} in one explicit transaction with {@code config} (e.g. a timeout): unlike
     * {@link #read(Work)} and {@link #write(Work)} it is never retried, which is what a statement stopped for
     * running too long needs. When the work returns the transaction commits or, for a dry run, rolls back;
     * when it throws, the transaction rolls back and the exception propagates.
     */
    public <T> T inTransaction(AccessMode mode, TransactionConfig config, Outcome outcome, Work<T> work) {
        Supplier<T> call = () -> {
            try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(mode).build());
                 var tx = session.beginTransaction(config)) {
                T value = work.in(new Tx(tx));
                if (outcome == Outcome.COMMIT) {
                    tx.commit();
                } else {
                    tx.rollback();
                }
                return value;
            }
        };
        return mode == AccessMode.WRITE && outcome == Outcome.COMMIT ? advancing(call) : reaching(call);
    }

    /** A write: the version advances when it committed, and also when it failed part-way (it may have). */
    private <T> T advancing(Supplier<T> write) {
        try {
            return reaching(write);
        } finally {
            version.incrementAndGet();
        }
    }

    /**
     * Runs a call against the store, or fails at once while the store is known to be away and it is not yet
     * time for the next attempt.
     */
    private <T> T reaching(Supplier<T> call) {
        long next = nextAttemptAt.get();
        if (next != 0 && (System.currentTimeMillis() < next
                || !nextAttemptAt.compareAndSet(next, System.currentTimeMillis() + PROBE_EVERY_MS))) {
            throw new GraphUnavailableException(null);
        }
        try {
            T value = call.get();
            nextAttemptAt.set(0);
            return value;
        } catch (RuntimeException e) {
            if (GraphUnavailableException.isOutage(e)) {
                nextAttemptAt.set(System.currentTimeMillis() + PROBE_EVERY_MS);
                throw new GraphUnavailableException(e);
            }
            throw e;
        }
    }

    /** Statements run together in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T in(Tx tx);
    }

    /** A transaction in progress: runs {@link Cypher} statements only. */
    public static final class Tx {

        private final SimpleQueryRunner tx;

        Tx(SimpleQueryRunner tx) {
            this.tx = tx;
        }

        public <T> List<T> list(Cypher statement, Map<String, ?> parameters, Function<Record, T> row) {
            return tx.run(statement.text(), values(parameters)).list(row::apply);
        }

        public <T> Optional<T> first(Cypher statement, Map<String, ?> parameters, Function<Record, T> row) {
            var result = tx.run(statement.text(), values(parameters));
            return result.hasNext() ? Optional.ofNullable(row.apply(result.next())) : Optional.empty();
        }

        public ResultSummary run(Cypher statement, Map<String, ?> parameters) {
            return tx.run(statement.text(), values(parameters)).consume();
        }

        /**
         * At most {@code max} rows of a statement, each mapped by {@code row}, with its column names and whether
         * there were more rows than {@code max}; the rest are not read.
         */
        public <T> Rows<T> atMost(int max, Cypher statement, Map<String, ?> parameters, Function<Record, T> row) {
            var result = tx.run(statement.text(), values(parameters));
            List<String> columns = result.keys();
            var rows = new ArrayList<T>();
            boolean truncated = false;
            while (result.hasNext()) {
                if (rows.size() == max) {
                    truncated = true;
                    break;
                }
                rows.add(row.apply(result.next()));
            }
            result.consume();
            return new Rows<>(columns, rows, truncated);
        }

        /** Runs a statement that writes: its rows and what it created, changed or deleted. */
        public Written written(Cypher statement, Map<String, ?> parameters) {
            var result = tx.run(statement.text(), values(parameters));
            var rows = result.list();
            return new Written(rows, result.consume().counters());
        }

        /** The plan Neo4j would run the statement with, without running it ({@code EXPLAIN}). */
        public ResultSummary explain(Cypher statement, Map<String, ?> parameters) {
            return tx.run("EXPLAIN " + statement.text(), values(parameters)).consume();
        }

        /** The parameters as the driver takes them; null values stay null in Cypher. */
        private static Map<String, Object> values(Map<String, ?> parameters) {
            return Collections.unmodifiableMap(parameters);
        }
    }

    /** A write statement's rows and its counters. */
    public record Written(List<Record> rows, SummaryCounters counters) {
    }

    /** Rows read from a statement: its columns, the rows, and whether more were left unread. */
    public record Rows<T>(List<String> columns, List<T> rows, boolean truncated) {
    }

    /**
     * Runs a statement in an auto-commit transaction of its own, as {@code CALL { ... } IN TRANSACTIONS}
     * needs (it commits its batches itself, so it cannot run inside a read or write transaction). Not
     * retried; its summary holds the counters.
     */
    public ResultSummary autoCommit(Cypher statement, Map<String, ?> parameters) {
        return autoCommit(statement, parameters, TransactionConfig.empty());
    }

    /** As {@link #autoCommit(Cypher, Map)}, with {@code config} (e.g. a timeout). */
    public ResultSummary autoCommit(Cypher statement, Map<String, ?> parameters, TransactionConfig config) {
        return advancing(() -> {
            try (var session = driver.session()) {
                return session.run(statement.text(), Tx.values(parameters), config).consume();
            }
        });
    }
}
