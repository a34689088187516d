package org.liaisonprm.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.liaisonprm.graph.Cypher;

/**
 * The graph of a bulk first load ({@code import --bulk}) as the node and relationship files of Neo4j's offline
 * importer. The loaders read and check every row as for a transactional import; the rows they would hand to a
 * write statement come here instead, and each statement a bulk load can meet is translated into the rows it
 * would have written: {@code nppes-physicians}, {@code nppes-practices}, {@code nppes-deactivate} and
 * {@code referral-pairs-first-load} (with the nodes {@code referral-pair-stubs} finds or creates).
 * <p>
 * What the graph would answer while the files are written is kept per NPI in one number (about 16 bytes): a
 * physician, a practice or a stub, the physician's service line, the stub's source. The offline importer names
 * nodes by a number ({@link #nodeId}): the NPI itself for the node first made for an NPI as a physician or a stub
 * (which a registry row fills in, or turns into the practice, keeping its referrals), offset for a practice that
 * was never a stub and for a physician whose NPI a practice already took. Stubs are written at the end, when the
 * rows that would have filled them in have all been read.
 */
final class BulkStore implements AutoCloseable {

    static final Cypher PHYSICIANS = Cypher.load("importer/nppes-physicians");
    static final Cypher PRACTICES = Cypher.load("importer/nppes-practices");
    static final Cypher DEACTIVATE = Cypher.load("importer/nppes-deactivate");
    static final Cypher REFERRALS = Cypher.load("importer/referral-pairs-first-load");
    static final Cypher IN_PERIOD = Cypher.load("importer/referrals-in-period");
    static final Cypher IN_PERIOD_FROM_SOURCE = Cypher.load("importer/referrals-in-period-from-source");

    private static final int PHYSICIAN = 1;
    private static final int PRACTICE = 2;
    private static final int STUB = 4;
    private static final int PRACTICE_WAS_STUB = 8;

    /** The offline importer's node ids: one number an NPI and a kind of node, as {@link #nodeId} makes it. */
    private static final long FIRST = 0;
    private static final long ORGANISATION = 10_000_000_000L;
    private static final long TOOK = 20_000_000_000L;

    static final String PHYSICIAN_HEADER = ":ID,id,npi,name,firstName,lastName,credential,sex,taxonomyCode,specialty,"
            + "serviceLine,address,city,state,zip,network,inNetwork:boolean,stub:boolean,active:boolean,source,importId";
    private static final List<String> PHYSICIAN_PROPS = List.of("name", "firstName", "lastName", "credential", "sex",
            "taxonomyCode", "specialty", "serviceLine", "address", "city", "state", "zip");
    static final String PRACTICE_HEADER = ":ID,id,npi,name,address,city,state,zip,network,inNetwork:boolean,"
            + "active:boolean,source,importId";
    private static final List<String> PRACTICE_PROPS = List.of("name", "address", "city", "state", "zip");
    static final String REFERRED_HEADER = ":START_ID,:END_ID,periodStart:date,periodEnd:date,serviceLine,referrals:long,"
            + "patients:long,averageDayWait:double,stdDayWait:double,sameDayVisits:long,windowDays:long,source,importId";

    private final Path dir;
    private final LongIntHashMap npis = new LongIntHashMap();
    private final List<String> serviceLines = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final Set<LocalDate> periods = new HashSet<>();
    private final Set<List<Object>> periodSources = new HashSet<>();
    private final LongArrayList deactivatedNpis = new LongArrayList();
    private final List<LocalDate> deactivatedOn = new ArrayList<>();
    private final CsvOut physicians;
    private final CsvOut practices;
    private final CsvOut referred;
    private boolean multiline;
    private boolean finished;

    BulkStore(Path dir) {
        this.dir = dir;
        physicians = new CsvOut(dir.resolve("physicians.csv"));
        practices = new CsvOut(dir.resolve("practices.csv"));
        referred = new CsvOut(dir.resolve("referred.csv"));
    }

    /** The lanes of a statement: each batch checked as the transactional import checks it, then written here. */
    RowLanes lanes(ImportJob job, Cypher statement, Map<String, Object> parameters, String duplicateColumn,
                   UnaryOperator<List<Map<String, Object>>> beforeWrite) {
        var buffer = buffer(job, statement, parameters, duplicateColumn, beforeWrite);
        return new RowLanes() {
            @Override
            public void add(long key, Object batchKey, Map<String, Object> row) {
                buffer.add(row);
            }

            @Override
            public void switchTo(Cypher other, BatchWriter.Kind writes) {
                throw new IllegalStateException("A bulk load writes " + statement + " only, not " + other);
            }

            @Override
            public void finish() {
                buffer.flush();
            }
        };
    }

    RowBuffer buffer(ImportJob job, Cypher statement, Map<String, Object> parameters, String duplicateColumn,
                     UnaryOperator<List<Map<String, Object>>> beforeWrite) {
        return new RowBuffer(rows -> write(job, statement, beforeWrite == null ? rows : beforeWrite.apply(rows),
                parameters, duplicateColumn), job.batch());
    }

    private void write(ImportJob job, Cypher statement, List<Map<String, Object>> rows, Map<String, Object> parameters,
                       String duplicateColumn) {
        String name = statement.name();
        for (var row : rows) {
            if (name.equals(PHYSICIANS.name())) {
                physician(job, row, parameters, duplicateColumn);
            } else if (name.equals(PRACTICES.name())) {
                practice(job, row, parameters, duplicateColumn);
            } else if (name.equals(DEACTIVATE.name())) {
                deactivate(row);
            } else if (name.equals(REFERRALS.name())) {
                referral(job, row, parameters);
            } else {
                throw new IllegalStateException("A bulk load cannot write " + name);
            }
        }
    }

    private void physician(ImportJob job, Map<String, Object> row, Map<String, Object> parameters, String column) {
        String npi = (String) row.get("npi");
        long number = Long.parseLong(npi);
        int entry = npis.get(number);
        if (repeats(job, row, column, entry, PHYSICIAN)) {
            return;
        }
        boolean practiceTookStub = (entry & PRACTICE_WAS_STUB) != 0;
        var props = node(job, physicians, nodeId(practiceTookStub ? TOOK : FIRST, number), npi, row, PHYSICIAN_PROPS,
                List.of("OUT", false, false, true), parameters, (entry & STUB) != 0 && !practiceTookStub);
        int line = index(serviceLines, (String) props.get("serviceLine"));
        npis.put(number, entry | PHYSICIAN | line << 8);
    }

    private void practice(ImportJob job, Map<String, Object> row, Map<String, Object> parameters, String column) {
        String npi = (String) row.get("npi");
        long number = Long.parseLong(npi);
        int entry = npis.get(number);
        if (repeats(job, row, column, entry, PRACTICE)) {
            return;
        }
        // a stub a referral file made for the NPI becomes the practice, keeping its referrals
        boolean fromStub = (entry & STUB) != 0 && (entry & PHYSICIAN) == 0;
        node(job, practices, nodeId(fromStub ? FIRST : ORGANISATION, number), npi, row, PRACTICE_PROPS, List.of("OUT", false, true),
                parameters, fromStub);
        npis.put(number, entry | PRACTICE | (fromStub ? PRACTICE_WAS_STUB : 0));
    }

    /** Refuses a registry row whose NPI this load already wrote as the same kind of node. */
    private static boolean repeats(ImportJob job, Map<String, Object> row, String column, int entry, int kind) {
        if ((entry & kind) == 0) {
            return false;
        }
        job.refuseAccepted((Long) row.get("line"), column, "", BatchWriter.REPEAT);
        return true;
    }

    /**
     * Writes a registry node: its id, {@code id} and {@code npi}, the row's {@code props} by {@code keys}, the
     * {@code fixed} values, source and import id; counted updated when it fills in (or is) a stub. Returns the props.
     */
    private Map<String, Object> node(ImportJob job, CsvOut file, long nodeId, String npi, Map<String, Object> row,
                                     List<String> keys, List<Object> fixed, Map<String, Object> parameters,
                                     boolean wasStub) {
        @SuppressWarnings("unchecked")
        var props = (Map<String, Object>) row.get("props");
        var cells = new ArrayList<Object>(keys.size() + fixed.size() + 5);
        cells.add(nodeId);
        cells.add(npi);
        cells.add(npi);
        for (String key : keys) {
            cells.add(props.get(key));
        }
        cells.addAll(fixed);
        cells.add(parameters.get("source"));
        cells.add(job.importId());
        file.row(cells);
        if (wasStub) {
            job.nodesUpdated(1);
        } else {
            job.nodesCreated(1);
        }
        return props;
    }

    /** As the statement: only a node the graph holds when the row is written is marked inactive. */
    private void deactivate(Map<String, Object> row) {
        long number = Long.parseLong((String) row.get("npi"));
        if (npis.get(number) != 0) {
            deactivatedNpis.add(number);
            deactivatedOn.add((LocalDate) row.get("date"));
        }
    }

    private void referral(ImportJob job, Map<String, Object> row, Map<String, Object> parameters) {
        @SuppressWarnings("unchecked")
        var values = (Map<String, Object>) row.get("values");
        int receiver = npis.get(Long.parseLong((String) row.get("to")));
        String serviceLine = (receiver & PRACTICE) == 0 && (receiver & 0xff00) != 0
                ? serviceLines.get((receiver >> 8 & 0xff) - 1) : (String) parameters.get("unassigned");
        var cells = new ArrayList<Object>(13);
        cells.add(row.get("a"));
        cells.add(row.get("b"));
        cells.add(parameters.get("periodStart"));
        cells.add(parameters.get("periodEnd"));
        cells.add(serviceLine);
        cells.add(values.get("referrals"));
        cells.add(values.get("patients"));
        cells.add(values.get("averageDayWait"));
        cells.add(values.get("stdDayWait"));
        cells.add(values.get("sameDayVisits"));
        cells.add(values.get("windowDays"));
        cells.add(parameters.get("source"));
        cells.add(job.importId());
        referred.row(cells);
        job.relationshipsCreated(1);
        periods.add((LocalDate) parameters.get("periodStart"));
        periodSources.add(List.of(parameters.get("periodStart"), parameters.get("source")));
    }

    /**
     * The node ids of the NPIs in each of {@code fields} ({@code from} → {@code a}), as
     * {@code referral-pair-stubs.cypher} finds them: the practice that has the NPI, else its physician, a stub
     * when new (written at the end, unless a later registry row fills it in).
     */
    List<Map<String, Object>> resolve(ImportJob job, List<Map<String, Object>> rows, Map<String, String> fields,
                                      String source) {
        int sourceIndex = index(sources, source);
        for (var row : rows) {
            fields.forEach((field, node) -> {
                String npi = (String) row.get(field);
                long number = Long.parseLong(npi);
                int entry = npis.get(number);
                if ((entry & PRACTICE) != 0) {
                    row.put(node, nodeId((entry & PRACTICE_WAS_STUB) != 0 ? FIRST : ORGANISATION, number));
                    return;
                }
                if ((entry & (PHYSICIAN | STUB)) == 0) {
                    npis.put(number, entry | STUB | sourceIndex << 16);
                    job.nodesCreated(1);
                }
                row.put(node, nodeId(FIRST, number));
            });
        }
        return rows;
    }

    /** As {@code referrals-in-period.cypher} and {@code referrals-in-period-from-source.cypher}. */
    boolean exists(Cypher statement, Map<String, Object> parameters) {
        if (statement.name().equals(IN_PERIOD.name())) {
            return periods.contains((LocalDate) parameters.get("periodStart"));
        }
        if (statement.name().equals(IN_PERIOD_FROM_SOURCE.name())) {
            return periodSources.contains(List.of(parameters.get("periodStart"), parameters.get("source")));
        }
        throw new IllegalStateException("A bulk load cannot answer " + statement);
    }

    /** As {@code known-provider-npis.cypher}: physicians that are not stubs, and practices. */
    LongHashSet knownProviderNpis() {
        var known = new LongHashSet();
        npis.forEachKeyValue((npi, entry) -> {
            if ((entry & (PHYSICIAN | PRACTICE)) != 0) {
                known.add(npi);
            }
        });
        return known;
    }

    /** As {@code unknown-npis.cypher}: the NPIs no physician (stubs included) or practice has. */
    Set<String> unknownNpis(Collection<String> asked) {
        var unknown = new HashSet<String>();
        for (String npi : asked) {
            if (npis.get(Long.parseLong(npi)) == 0) {
                unknown.add(npi);
            }
        }
        return unknown;
    }

    /** The deactivations to apply once the store is written: {npi, date, line} rows for {@code nppes-deactivate}. */
    List<Map<String, Object>> deactivations() {
        var rows = new ArrayList<Map<String, Object>>(deactivatedNpis.size());
        for (int i = 0; i < deactivatedNpis.size(); i++) {
            rows.add(Map.of("npi", String.valueOf(deactivatedNpis.get(i)), "date", deactivatedOn.get(i), "line", 0L));
        }
        return rows;
    }

    /**
     * The offline importer's id of a node: the NPI itself for the node first made for it (a physician, a stub, or
     * the practice a stub became), offset by {@link #ORGANISATION} for a practice and by {@link #TOOK} for a
     * physician whose NPI a practice already took. Numbers let the importer match ids faster than text would.
     */
    private static long nodeId(long kind, long npi) {
        return kind + npi;
    }

    /** Writes the stubs no registry row filled in and closes the files. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        npis.forEachKeyValue((npi, entry) -> {
            if ((entry & STUB) != 0 && (entry & (PHYSICIAN | PRACTICE_WAS_STUB)) == 0) {
                String id = String.valueOf(npi);
                var cells = new ArrayList<Object>(21);
                cells.add(nodeId(FIRST, npi));
                cells.add(id);
                cells.add(id);
                cells.add("NPI " + id);
                for (int i = 1; i < PHYSICIAN_PROPS.size(); i++) {
                    cells.add(null);
                }
                cells.add("OUT");
                cells.add(false);
                cells.add(true);
                cells.add(true);
                cells.add(sources.get((entry >> 16 & 0xff) - 1));
                cells.add(null);
                physicians.row(cells);
            }
        });
        physicians.close();
        practices.close();
        referred.close();
    }

    /** The offline importer's arguments for the files written (after {@link #finish}). */
    List<String> importerArguments() throws IOException {
        var arguments = new ArrayList<String>();
        for (var file : List.of(Map.entry("Physician", physicians), Map.entry("Practice", practices))) {
            if (file.getValue().rows > 0) {
                arguments.add("--nodes=" + file.getKey() + "=" + header(file.getKey(), file.getValue()) + "," + file.getValue().path);
            }
        }
        if (referred.rows > 0) {
            arguments.add("--relationships=REFERRED=" + header("REFERRED", referred) + "," + referred.path);
        }
        arguments.add("--id-type=integer");
        if (multiline) {
            arguments.add("--multiline-fields=true");
        }
        return arguments;
    }

    boolean empty() {
        return physicians.rows + practices.rows == 0;
    }

    long nodes() {
        return physicians.rows + practices.rows;
    }

    long relationships() {
        return referred.rows;
    }

    private Path header(String name, CsvOut file) throws IOException {
        String header = file == physicians ? PHYSICIAN_HEADER : file == practices ? PRACTICE_HEADER : REFERRED_HEADER;
        return Files.writeString(dir.resolve(name + "-header.csv"), header + "\n", StandardCharsets.UTF_8);
    }

    /** The 1-based place of a value in a short list of values (0 for none), added when new. */
    private static int index(List<String> values, String value) {
        if (value == null) {
            return 0;
        }
        int at = values.indexOf(value);
        if (at < 0) {
            if (values.size() == 255) {
                throw new IllegalStateException("More than 255 service lines or sources");
            }
            values.add(value);
            at = values.size() - 1;
        }
        return at + 1;
    }

    @Override
    public void close() {
        physicians.close();
        practices.close();
        referred.close();
    }

    /**
     * One file of the offline importer: text quoted with inner quotes doubled, a null left empty (no property),
     * numbers, booleans and dates as Cypher writes them.
     */
    private final class CsvOut {
        private final Path path;
        private BufferedWriter writer;
        private long rows;

        CsvOut(Path path) {
            this.path = path;
        }

        void row(List<Object> cells) {
            try {
                if (writer == null) {
                    writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                }
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    Object cell = cells.get(i);
                    if (cell instanceof String text) {
                        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                            multiline = true;
                        }
                        writer.write('"');
                        writer.write(text.indexOf('"') < 0 ? text : text.replace("\"", "\"\""));
                        writer.write('"');
                    } else if (cell != null) {
                        writer.write(cell.toString());
                    }
                }
                writer.write('\n');
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + path, e);
            }
        }

        void close() {
            try {
                if (writer != null) {
                    writer.close();
                    writer = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + path, e);
            }
        }
    }
}
