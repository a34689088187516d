package org.liaisonprm.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.liaisonprm.audit.AuditProperties;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.GraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The error reports of imports started from the Import page and the API, kept in the data directory as
 * {@code <data-dir>/import-reports/<import id>.csv} for as long as the import's {@code (:ImportRun)} stays in
 * the history, across restarts. Once a day the imports older than the audit retention
 * ({@code liaison.audit.retention}; {@code 0} keeps them for ever) leave the history and their reports go with
 * them; a report whose import is no longer in the history (an orphan) is removed then, and when the server
 * starts.
 * <p>
 * An import's id reaches {@link #find} from the API's path, so only the form {@link ImportJobs#start} gives
 * ids (a lower-case UUID) names a file; anything else finds nothing.
 */
@Component
class ImportReports {

    /** The folder of the data directory that holds the reports. */
    static final String DIRECTORY = "import-reports";

    private static final Logger log = LoggerFactory.getLogger(ImportReports.class);
    private static final Pattern IMPORT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String SUFFIX = ".csv";
    private static final int IDS_PER_LOOKUP = 1_000;

    private static final Cypher RUN = Cypher.load("importer/import-run");
    private static final Cypher KNOWN_RUNS = Cypher.load("importer/import-runs-known");
    private static final Cypher PURGE_RUNS = Cypher.load("importer/purge-import-runs");

    private final Path directory;
    private final Graph graph;
    private final AuditProperties audit;

    ImportReports(GraphProperties properties, Graph graph, AuditProperties audit) {
        this.directory = properties.dataDir().toAbsolutePath().normalize().resolve(DIRECTORY);
        this.graph = graph;
        this.audit = audit;
    }

    /** The folder the reports are kept in. */
    Path directory() {
        return directory;
    }

    /**
     * Where the report of a new import goes; the folder is created (readable by its owner only) if need be.
     *
     * @throws IllegalArgumentException when {@code id} is not of the form {@link ImportJobs#start} gives
     */
    Path reportFor(String id) {
        Path report = path(id).orElseThrow(() -> new IllegalArgumentException("Not an import id: " + id));
        createDirectory();
        return report;
    }

    /** The report of an import of the history, when it has one here. */
    Optional<Path> find(String id) {
        return kept(id).filter(report -> graph.readOne(RUN, Map.of("id", id), row -> true).isPresent());
    }

    /** The report kept for an import id, without asking the history (the caller has just read it there). */
    Optional<Path> kept(String id) {
        return path(id).filter(report -> Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Removes the imports older than the retention period from the history, with their reports, and then
     * every orphaned report; returns how many imports it removed.
     */
    @Scheduled(cron = "${liaison.audit.purge-cron:0 17 3 * * *}")
    long purge() {
        Duration retention = audit.retention();
        long removed = 0;
        if (!retention.isZero() && !retention.isNegative()) {
            List<String> batch;
            do {
                batch = graph.write(PURGE_RUNS, Map.of("seconds", retention.toSeconds()), row -> row.get("id").asString());
                batch.forEach(this::delete);
                removed += batch.size();
            } while (!batch.isEmpty());
            if (removed > 0) {
                log.info("Removed {} imports older than {} days from the import history, with their error reports",
                        removed, retention.toDays());
            }
        }
        removeOrphans();
        return removed;
    }

    /** Removes the reports whose import is not in the history; returns how many. */
    int removeOrphans() {
        List<String> ids = keptIds();
        var known = new HashSet<String>();
        for (int from = 0; from < ids.size(); from += IDS_PER_LOOKUP) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOKUP));
            known.addAll(graph.read(KNOWN_RUNS, Map.of("ids", some), row -> row.get("id").asString()));
        }
        int removed = 0;
        for (String id : ids) {
            if (!known.contains(id) && delete(id)) {
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Removed {} import error reports whose import is no longer in the history", removed);
        }
        return removed;
    }

    /** The ids of the reports in the folder; files of any other name are left alone. */
    private List<String> keptIds() {
        var ids = new ArrayList<String>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (IMPORT_ID.matcher(id).matches()) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the import error reports in " + directory, e);
        }
        return ids;
    }

    private boolean delete(String id) {
        Optional<Path> report = path(id);
        if (report.isEmpty()) {
            return false;
        }
        try {
            return Files.deleteIfExists(report.get());
        } catch (IOException e) {
            log.warn("Could not remove the error report of import {}: {}", id, e.getMessage());
            return false;
        }
    }

    /** The report's place for an id of the form {@link ImportJobs#start} gives, else nothing. */
    private Optional<Path> path(String id) {
        if (id == null || !IMPORT_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path report = directory.resolve(id + SUFFIX).normalize();
        return directory.equals(report.getParent()) ? Optional.of(report) : Optional.empty();
    }

    private void createDirectory() {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            // another import created it first
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of import error reports " + directory, e);
        }
    }
}
