package org.liaisonprm.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs one import: recognises the format, loads the file through its {@link FormatLoader} in batched
 * write transactions, writes the error report, recomputes network membership (after a format that can change
 * it, {@link ImportFormat#decidesMembership}) and the referral rollup,
 * records the run as an {@code (:ImportRun)} node and one {@code IMPORT} audit event.
 * <p>
 * Every write is a MERGE on the node's or relationship's key, so running the same import again, or again
 * after it was killed part-way, ends in the same graph.
 * <p>
 * A dry run reads, checks and writes the file the same way, batch by batch, but rolls every batch back
 * ({@link ImportJob}); it records no {@code ImportRun}, no audit event, and leaves membership and the rollup
 * alone: the graph is as before. Its rows, refusals and error report are those the import would have.
 */
@Service
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private static final Cypher RUN_STARTED = Cypher.load("importer/import-run-started");
    private static final Cypher RUN_FINISHED = Cypher.load("importer/import-run-finished");

    private final Graph graph;
    private final NetworkMembership networkMembership;
    private final ReferralRollup rollup;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final int batch;

    @Autowired
    Importer(Graph graph, NetworkMembership networkMembership, ReferralRollup rollup, AuditTrail audit,
             ApplicationEventPublisher events) {
        this(graph, networkMembership, rollup, audit, events, BatchWriter.BATCH);
    }

    private Importer(Graph graph, NetworkMembership networkMembership, ReferralRollup rollup,
                     AuditTrail audit, ApplicationEventPublisher events, int batch) {
        this.graph = graph;
        this.networkMembership = networkMembership;
        this.rollup = rollup;
        this.audit = audit;
        this.events = events;
        this.batch = batch;
    }

    /** This importer writing batches of {@code rows} rows: tests use a few, to see rows meet across batches. */
    Importer batchesOf(int rows) {
        return new Importer(graph, networkMembership, rollup, audit, events, rows);
    }

    /**
     * What to import.
     *
     * @param fileName the name shown in reports and the history (an upload's original name)
     * @param errors   where the error report goes
     * @param username who asked for the import
     * @param dryRun   read and check everything, write nothing to the graph
     */
    public record Request(ImportFormat format, Path path, String fileName, ImportOptions options, Path errors,
                         String username, boolean dryRun) {

        public Request(ImportFormat format, Path path, String fileName, ImportOptions options, Path errors,
                       String username) {
            this(format, path, fileName, options, errors, username, false);
        }
    }

    /** How an import ended. {@code message} says why a whole file was refused, else null. */
    public record Result(String id, ImportFormat format, ImportSummary summary, Path errors, long durationMs,
                         String message) {

        public int exitCode() {
            return message != null ? 2 : summary.exitCode();
        }
    }

    /** Progress while an import runs: the format (once recognised), how far through the file, counts so far. */
    public interface Progress {
        void update(ImportFormat format, double fraction, ImportSummary sofar);

        Progress NONE = (format, fraction, sofar) -> { };
    }

    /** Runs an import with a fresh id. */
    public Result run(Request request, Progress progress) {
        return run(UUID.randomUUID().toString(), request, progress);
    }

    /** Runs an import under the given id (the API hands it out before the import starts). */
    public Result run(String id, Request request, Progress progress) {
        long started = System.nanoTime();
        var errors = new ErrorReport(request.errors());
        var job = new ImportJob(graph, id, request.options(), errors, request.dryRun(), batch);
        ImportFormat format = request.format();
        String message = null;
        if (!request.dryRun()) {
            recordStart(id, request);
        }
        var ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "import-progress");
            thread.setDaemon(true);
            return thread;
        });
        try {
            if (!Files.exists(request.path()) || !Files.isReadable(request.path())) {
                throw new ImportRefusedException("Cannot read " + request.fileName() + ": no such file or not readable");
            }
            if (format == ImportFormat.AUTO) {
                format = ImportFormat.detect(request.path());
            }
            if (format != ImportFormat.SYNTHEA && Files.isDirectory(request.path())) {
                throw new ImportRefusedException(request.fileName() + " is a directory; only the synthea format reads one");
            }
            ImportFormat detected = format;
            ticker.scheduleAtFixedRate(() -> progress.update(detected, job.fraction(), job.summary()),
                    250, 500, TimeUnit.MILLISECONDS);
            loader(format).load(request.path(), job);
            job.awaitWrites();
            long loaded = System.nanoTime();
            if (job.summary().imported() > 0 && !request.dryRun()) {
                // a registry file that turned a stub into a practice changed what that provider is
                if (format.decidesMembership() || job.relabelled()) {
                    networkMembership.recompute();
                }
                long recomputed = System.nanoTime();
                rollup.rebuild();
                log.info("Import {}: rows loaded in {} ms, network membership {} ms, referral rollup {} ms", id,
                        (loaded - started) / 1_000_000, (recomputed - loaded) / 1_000_000,
                        (System.nanoTime() - recomputed) / 1_000_000);
            }
        } catch (ImportRefusedException e) {
            message = e.getMessage();
        } catch (RuntimeException e) {
            message = "The import stopped: " + e.getMessage();
            log.error("Import {} of {} failed", id, request.fileName(), e);
            finish(id, request, format, job, errors, started, message, "FAILED");
            throw e;
        } finally {
            ticker.shutdownNow();
            job.close();
        }
        ImportSummary summary = job.summary();
        progress.update(format, 1, summary);
        return finish(id, request, format, job, errors, started, message, message == null ? "DONE" : "REFUSED");
    }

    private Result finish(String id, Request request, ImportFormat format, ImportJob job, ErrorReport errors,
                          long started, String message, String status) {
        errors.close();
        return finished(id, request, format, job.summary(), (System.nanoTime() - started) / 1_000_000, message, status);
    }

    /**
     * Records a file that a bulk first load ({@link BulkImport}) wrote with the offline importer as the import it
     * was: its {@code (:ImportRun)} and its {@code IMPORT} audit event.
     */
    Result recordOffline(String id, Request request, ImportFormat format, ImportSummary summary, long millis) {
        recordStart(id, request);
        return finished(id, request, format, summary, millis, null, "DONE");
    }

    private Result finished(String id, Request request, ImportFormat format, ImportSummary summary, long millis,
                            String message, String status) {
        if (request.dryRun()) {
            log.info("Dry run {} of {} ({}) {} in {} ms, nothing written: {}", id, request.fileName(), format.id(),
                    status.toLowerCase(), millis, message != null ? message : summary.describe());
            return new Result(id, format, summary, request.errors(), millis, message);
        }
        recordEnd(id, format, summary, millis, message, status);
        if (summary.imported() > 0 && events != null) {
            events.publishEvent(new ImportFinished(id, format.id(), summary.imported()));
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("format", format.id());
        detail.put("status", status);
        detail.put("options", request.options().describe());
        detail.put("rowsRead", summary.rowsRead());
        detail.put("imported", summary.imported());
        detail.put("skipped", summary.skipped());
        detail.put("refused", summary.refused());
        detail.put("nodesCreated", summary.nodesCreated());
        detail.put("nodesUpdated", summary.nodesUpdated());
        detail.put("relationshipsCreated", summary.relationshipsCreated());
        detail.put("relationshipsUpdated", summary.relationshipsUpdated());
        if (summary.sameDayVisits() > 0) {
            detail.put("sameDayVisits", summary.sameDayVisits());
        }
        if (message != null) {
            detail.put("message", message);
        }
        audit.record(AuditType.IMPORT, request.username(), request.fileName(), audit.asJson(detail),
                summary.imported(), millis);
        log.info("Import {} of {} ({}) {} in {} ms: {}", id, request.fileName(), format.id(), status.toLowerCase(),
                millis, message != null ? message : summary.describe());
        return new Result(id, format, summary, request.errors(), millis, message);
    }

    static FormatLoader loader(ImportFormat format) {
        return switch (format) {
            case NPPES -> new NppesLoader();
            case SHARED_PATIENTS -> new ReferralPairLoader(false);
            case HOP_TEAMING -> new ReferralPairLoader(true);
            case FACILITY_AFFILIATION -> new AffiliationLoader();
            case HOSPITALS -> new FacilityLoader(false);
            case POS -> new FacilityLoader(true);
            case ENCOUNTERS -> new EncountersLoader();
            case SYNTHEA -> new SyntheaLoader();
            case PHYSICIANS, PRACTICES, FACILITIES, HEALTH_SYSTEM_MEMBERSHIP, REFERRALS -> new TemplateLoader(format);
            case AUTO -> throw new IllegalStateException("auto is resolved before loading");
        };
    }

    private void recordStart(String id, Request request) {
        var run = new HashMap<String, Object>();
        run.put("id", id);
        run.put("format", request.format().id());
        run.put("file", request.fileName());
        run.put("username", request.username());
        run.put("options", describe(request.options()));
        graph.write(RUN_STARTED, Map.of("run", run));
    }

    private static String describe(ImportOptions options) {
        var parts = new java.util.ArrayList<String>();
        options.describe().forEach((k, v) -> parts.add(Boolean.TRUE.equals(v) ? "--" + k : "--" + k + "=" + v));
        return String.join(" ", parts);
    }

    private void recordEnd(String id, ImportFormat format, ImportSummary s, long millis, String message, String status) {
        var run = new HashMap<String, Object>();
        run.put("format", format.id());
        run.put("status", status);
        run.put("message", message);
        run.put("durationMs", millis);
        run.put("rowsRead", s.rowsRead());
        run.put("imported", s.imported());
        run.put("skipped", s.skipped());
        run.put("refused", s.refused());
        run.put("nodesCreated", s.nodesCreated());
        run.put("nodesUpdated", s.nodesUpdated());
        run.put("relationshipsCreated", s.relationshipsCreated());
        run.put("relationshipsUpdated", s.relationshipsUpdated());
        run.put("sameDayVisits", s.sameDayVisits());
        graph.write(RUN_FINISHED, Map.of("id", id, "run", run));
    }
}
