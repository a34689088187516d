package org.liaisonprm.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Record;

/**
 * One run of an import as the formats see it: the options, the file being read, row counting and refusing
 * (into the {@link ErrorReport}), and its writes ({@link BatchWriter}). The counts ({@link ImportCounters})
 * are read by the progress display while the run goes on.
 * <p>
 * A dry run goes through the same loaders, statements and counters, but each batch's statements share one
 * transaction that is rolled back at the batch's end, so nothing reaches the graph. What a later batch would
 * have met in the graph is therefore missing; the one thing rows depend on, whether a row repeats the key of
 * an earlier one, the dry run remembers itself ({@link Repeats}). Nodes and relationships a batch creates are
 * created again by the next one that names them, so a dry run does not count them.
 */
final class ImportJob implements AutoCloseable {

    private static final Cypher KNOWN_PROVIDER_NPIS = Cypher.load("importer/known-provider-npis");
    private static final Cypher UNKNOWN_NPIS = Cypher.load("importer/unknown-npis");

    private final String importId;
    private final ImportOptions options;
    private final ErrorReport errors;
    private final ImportCounters counters = new ImportCounters();
    private final BatchWriter writer;
    private final BulkStore bulk;
    private volatile DoubleSupplier fraction = () -> 0;
    private volatile String fileName = "";

    ImportJob(Graph graph, String importId, ImportOptions options, ErrorReport errors) {
        this(graph, importId, options, errors, false, BatchWriter.BATCH);
    }

    /**
     * @param dryRun every batch rolled back (see above)
     * @param batch  rows per write transaction ({@link BatchWriter#BATCH}; tests use a few to cross batches)
     */
    ImportJob(Graph graph, String importId, ImportOptions options, ErrorReport errors, boolean dryRun, int batch) {
        this.importId = importId;
        this.options = options;
        this.errors = errors;
        this.writer = new BatchWriter(new BatchTransactions(graph, dryRun), importId, batch, counters,
                this::refuseAccepted);
        this.bulk = null;
    }

    /**
     * A file of a bulk first load ({@link BulkImport}): read and checked as above, its rows written to the offline
     * importer's files by {@code bulk}, which also answers what the loaders ask the graph.
     */
    ImportJob(BulkStore bulk, String importId, ImportOptions options, ErrorReport errors) {
        this.importId = importId;
        this.options = options;
        this.errors = errors;
        this.writer = new BatchWriter(new BatchTransactions(null, false), importId, BatchWriter.BATCH, counters,
                this::refuseAccepted);
        this.bulk = bulk;
    }

    /** The bulk load this file belongs to, null for a transactional import. */
    BulkStore bulk() {
        return bulk;
    }

    void nodesCreated(long count) {
        counters.nodesCreated(count);
    }

    void nodesUpdated(long count) {
        counters.nodesUpdated(count);
    }

    void relationshipsCreated(long count) {
        counters.relationshipsCreated(count);
    }

    boolean dryRun() {
        return writer.dryRun();
    }

    /** Rows per write transaction. */
    int batch() {
        return writer.batch();
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
    void eachRow(CsvRows rows, Consumer<CsvRows.Row> handler) {
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
        counters.rowRead();
    }

    void accepted() {
        counters.accepted();
    }

    void skipped() {
        counters.skipped();
    }

    void refuse(long line, RowRefused problem) {
        refuse(line, problem.column(), problem.value(), problem.getMessage());
    }

    void refuse(long line, String column, String value, String reason) {
        counters.refused();
        errors.add(fileName, line, column, value, reason);
    }

    /** An accepted row that turned out to repeat an earlier one of the same file. */
    void refuseAccepted(long line, String column, String value, String reason) {
        counters.unaccepted();
        refuse(line, column, value, reason);
    }

    double fraction() {
        return fraction.getAsDouble();
    }

    /** See {@link ImportCounters#relabelled()}. */
    boolean relabelled() {
        return counters.relabelled();
    }

    ImportSummary summary() {
        return counters.summary();
    }

    /** See {@link BatchWriter#write}; for a statement that recognises no repeats. */
    void write(Cypher cypher, List<Map<String, Object>> rows, BatchWriter.Kind kind, Map<String, Object> parameters,
               String duplicateColumn) {
        writer.write(cypher, rows, kind, parameters, duplicateColumn, null);
    }

    /** See {@link BatchWriter#write}. */
    void write(Cypher cypher, List<Map<String, Object>> rows, BatchWriter.Kind kind, Map<String, Object> parameters,
               String duplicateColumn, Repeats repeats) {
        writer.write(cypher, rows, kind, parameters, duplicateColumn, repeats);
    }

    /** See {@link BatchWriter#merge}. */
    List<Record> merge(Cypher cypher, List<Map<String, Object>> rows, Map<String, Object> parameters) {
        return writer.merge(cypher, rows, parameters);
    }

    /** Runs a statement and returns one column of its rows as text. */
    List<String> strings(Cypher cypher, Map<String, Object> parameters, String column) {
        return writer.strings(cypher, parameters, column);
    }

    /**
     * The NPIs of the providers the graph holds as physicians that are not stubs, or as practices, read once
     * (about 16 bytes each: the whole national registry fits in 150 MB), for {@code --only-known-npis}.
     */
    LongHashSet knownProviderNpis() {
        if (bulk != null) {
            return bulk.knownProviderNpis();
        }
        var npis = new LongHashSet();
        writer.each(KNOWN_PROVIDER_NPIS, Map.of(), r -> npis.add(Long.parseLong(r.get("npi").asString())));
        return npis;
    }

    /** Pairs of providers seen by one patient at the same instant: counted, not referrals. */
    void sameDayVisits(long pairs) {
        counters.sameDayVisits(pairs);
    }

    /** Runs a write statement once, outside the batches. */
    void run(Cypher cypher, Map<String, Object> parameters) {
        writer.run(cypher, parameters);
    }

    /** The NPIs among {@code npis} that no physician (stubs included) or practice has. */
    Set<String> unknownNpis(Collection<String> npis) {
        if (bulk != null) {
            return bulk.unknownNpis(npis);
        }
        return new HashSet<>(writer.strings(UNKNOWN_NPIS, Map.of("npis", new ArrayList<>(npis)), "npi"));
    }

    boolean exists(Cypher cypher, Map<String, Object> parameters) {
        if (bulk != null) {
            return bulk.exists(cypher, parameters);
        }
        return writer.exists(cypher, parameters);
    }

    /** See {@link BatchTransactions#inBatch}. */
    void inBatch(Runnable work) {
        writer.inBatch(work);
    }

    /** What a statement recognises repeated rows by; ignored by a real import, whose graph recognises them. */
    Repeats repeats(Repeats.Key key) {
        return new Repeats(key);
    }

    RowBuffer buffer(Cypher cypher, BatchWriter.Kind kind, Map<String, Object> parameters, String duplicateColumn) {
        if (bulk != null) {
            return bulk.buffer(this, cypher, parameters, duplicateColumn, null);
        }
        return writer.buffer(cypher, kind, parameters, duplicateColumn, null, null);
    }

    RowBuffer buffer(Cypher cypher, BatchWriter.Kind kind, Map<String, Object> parameters, String duplicateColumn,
                     Repeats repeats) {
        return writer.buffer(cypher, kind, parameters, duplicateColumn, null, repeats);
    }

    /** A buffer that passes each batch through {@code beforeWrite} (which may refuse rows) before writing it. */
    RowBuffer buffer(Cypher cypher, BatchWriter.Kind kind, Map<String, Object> parameters, String duplicateColumn,
                     UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
        return writer.buffer(cypher, kind, parameters, duplicateColumn, beforeWrite, repeats);
    }

    /** See {@link BatchWriter#lanes}. */
    RowLanes lanes(int writers, Cypher cypher, BatchWriter.Kind kind, Map<String, Object> parameters,
                   String duplicateColumn, UnaryOperator<List<Map<String, Object>>> beforeWrite, Repeats repeats) {
        if (bulk != null) {
            return bulk.lanes(this, cypher, parameters, duplicateColumn, beforeWrite);
        }
        return writer.lanes(writers, filtered() ? Math.min(batch(), BatchWriter.FILTERED_BATCH) : batch(), cypher, kind,
                parameters, duplicateColumn, beforeWrite, repeats);
    }

    /** Whether this load keeps only some rows by an option (a state, known providers). */
    private boolean filtered() {
        return !options.states().isEmpty() || options.onlyKnown();
    }

    /** Waits for every write handed to writer threads, rethrowing the first failure. */
    void awaitWrites() {
        writer.awaitWrites();
    }

    /** Stops the writer threads; writes not yet started are dropped (the import failed). */
    @Override
    public void close() {
        writer.close();
    }
}
