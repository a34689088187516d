package org.liaisonprm.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports started from the UI and the API. Imports run one at a time in the background (two loads of the
 * same data never race), and their status is readable while they run; finished ones come from the
 * {@code (:ImportRun)} history in the graph. An uploaded file is kept in a temporary working directory until its
 * import ends (uploads may hold patient identifiers), and that directory goes when this process stops. The
 * error report is written to the data directory from the start ({@link ImportReports}): it can be downloaded
 * for as long as the import stays in the history, after a restart too, and goes with the import's record.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private static final Cypher RUN = Cypher.load("importer/import-run");
    private static final Cypher HISTORY = Cypher.load("importer/import-history");
    private static final Cypher MARK_INTERRUPTED = Cypher.load("importer/import-runs-interrupted");

    private final Importer importer;
    private final Graph graph;
    private final ImportReports reports;
    private final Path workDirectory;
    private final Map<String, ImportStatus> live = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "import-runner");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(Importer importer, Graph graph, ImportReports reports) throws IOException {
        this.importer = importer;
        this.graph = graph;
        this.reports = reports;
        this.workDirectory = Files.createTempDirectory("liaison-imports");
        markInterrupted();
        removeOrphanedReports();
    }

    /** Stops the queue and removes the working directory with any upload left in it; error reports stay. */
    @PreDestroy
    void stop() {
        runner.shutdownNow();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(workDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not remove the imports' working directory {}: {}", workDirectory, e.getMessage());
        }
    }

    /** Keeps an uploaded file for an import; returns where it is. */
    public Path keep(String fileName, InputStream content) {
        try {
            Path dir = Files.createDirectories(workDirectory.resolve(UUID.randomUUID().toString()));
            Path file = dir.resolve(safeName(fileName));
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the uploaded file", e);
        }
    }

    /** Keeps a file an upload component already stored, moving it into the working directory. */
    public Path keep(String fileName, Path stored) {
        try (InputStream in = Files.newInputStream(stored)) {
            return keep(fileName, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the uploaded file", e);
        } finally {
            stored.toFile().delete();
        }
    }

    /** The format recognised from a kept file's header, if any. */
    public Optional<ImportFormat> detect(Path file) {
        try {
            return Optional.of(ImportFormat.detect(file));
        } catch (ImportRefusedException e) {
            return Optional.empty();
        }
    }

    /**
     * Queues an import of a kept file and returns its id.
     */
    public String start(ImportFormat format, Path file, String fileName, ImportOptions parsed, String username) {
        String id = UUID.randomUUID().toString();
        Path errors = reports.reportFor(id);
        live.put(id, new ImportStatus(id, format.id(), fileName, username, "QUEUED", 0, ImportSummary.EMPTY, null,
                ZonedDateTime.now(), null));
        runner.submit(() -> {
            try {
                var result = importer.run(id, new Importer.Request(format, file, fileName, parsed, errors, username),
                        (detected, fraction, sofar) -> live.computeIfPresent(id, (k, s) -> new ImportStatus(id,
                                detected.id(), fileName, username, "RUNNING", fraction, sofar, null, s.startedAt(), null)));
                live.put(id, new ImportStatus(id, result.format().id(), fileName, username,
                        result.message() == null ? "DONE" : "REFUSED", 1, result.summary(), result.message(),
                        live.get(id).startedAt(), result.durationMs()));
            } catch (RuntimeException e) {
                log.error("Import {} failed", id, e);
                live.computeIfPresent(id, (k, s) -> new ImportStatus(id, s.format(), fileName, username, "FAILED",
                        s.progress(), s.summary(), e.getMessage(), s.startedAt(), null));
            } finally {
                // uploads may hold patient identifiers (encounter lines): only the error report stays
                try {
                    Files.deleteIfExists(file);
                    if (workDirectory.equals(file.getParent().getParent())) {
                        Files.deleteIfExists(file.getParent());
                    }
                } catch (IOException e) {
                    log.warn("Could not remove the uploaded file of import {}: {}", id, e.getMessage());
                }
            }
        });
        return id;
    }

    /** An import's status: live while this process runs it, else from the history. */
    public Optional<ImportStatus> status(String id) {
        ImportStatus status = live.get(id);
        if (status != null) {
            return Optional.of(status);
        }
        return graph.read(RUN, Map.of("id", id), r -> fromGraph(r.get("i"))).stream().findFirst();
    }

    /** The newest imports first, from the graph. */
    public List<ImportStatus> history(int limit) {
        return graph.read(HISTORY, Map.of("limit", limit), r -> fromGraph(r.get("i")));
    }

    /**
     * The error report of an import of the history, whichever process ran it, while the import stays there.
     * An id not of the form {@link #start} gives, or of no import, finds nothing.
     */
    public Optional<Path> errorReport(String id) {
        return reports.find(id);
    }

    /**
     * The error report of an import {@link #history} or {@link #status} has just given, without reading the
     * history again. An import run from the command line has none here: its report is where that run wrote it.
     */
    public Optional<Path> errorReport(ImportStatus run) {
        return reports.kept(run.id());
    }

    /** Imports this process no longer runs (it was stopped while they ran) are marked as such. */
    private void markInterrupted() {
        try {
            graph.write(MARK_INTERRUPTED, Map.of());
        } catch (RuntimeException e) {
            log.warn("Could not mark interrupted imports: {}", e.getMessage());
        }
    }

    /** Reports whose import left the history while this process was not running go now. */
    private void removeOrphanedReports() {
        try {
            reports.removeOrphans();
        } catch (RuntimeException e) {
            log.warn("Could not remove orphaned import error reports: {}", e.getMessage());
        }
    }

    private static ImportStatus fromGraph(Value i) {
        var summary = new ImportSummary(i.get("rowsRead").asLong(0), i.get("imported").asLong(0),
                i.get("skipped").asLong(0), i.get("refused").asLong(0), i.get("nodesCreated").asLong(0),
                i.get("nodesUpdated").asLong(0), i.get("relationshipsCreated").asLong(0), i.get("relationshipsUpdated").asLong(0),
                i.get("sameDayVisits").asLong(0));
        String status = i.get("status").asString("UNKNOWN");
        return new ImportStatus(i.get("id").asString(), i.get("format").asString(null), i.get("file").asString(null),
                i.get("username").asString(null), status, "DONE".equals(status) ? 1 : 0, summary,
                i.get("message").asString(null), i.get("startedAt").asZonedDateTime(null),
                i.get("durationMs").isNull() ? null : i.get("durationMs").asLong());
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "upload.csv" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isBlank() || name.startsWith(".") ? "upload.csv" : name;
    }
}
