package org.liaisonprm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The built-in reports: every {@code cypher/reports/*.cypher} file on the class path, read at start-up, and
 * the files of {@code liaison.reports.directory} when it is set (a file there replaces the built-in report
 * of the same id). A file that cannot be read stops the start with the file, line and reason.
 * <p>
 * The directory is watched: a file added, changed or removed there is picked up within seconds, so a report
 * can be written with the application running ({@code ./mvnw spring-boot:run} points the directory at the
 * project's {@code cypher/reports}). A changed file that cannot be read is reported in the log and the
 * report keeps its last good version.
 */
@Service
public class ReportCatalog {

    private static final Logger log = LoggerFactory.getLogger(ReportCatalog.class);
    private static final String LOCATION = "classpath*:cypher/reports/*.cypher";
    private static final String SUFFIX = ".cypher";

    private final Path directory;
    private final Map<String, ReportDefinition> builtIn;
    private volatile Map<String, ReportDefinition> reports;
    private volatile Map<Path, Stamp> seen = Map.of();
    private ScheduledExecutorService watcher;

    /** The class-path reports only. */
    public ReportCatalog() {
        this((Path) null);
    }

    @Autowired
    ReportCatalog(ReportProperties properties) {
        this(properties.directory());
        if (directory != null) {
            watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "report-files");
                thread.setDaemon(true);
                return thread;
            });
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, 2, 2, TimeUnit.SECONDS);
            log.info("Watching {} for report files", directory.toAbsolutePath());
        }
    }

    ReportCatalog(Path directory) {
        this.directory = directory;
        this.builtIn = loadClassPath();
        var all = new LinkedHashMap<>(builtIn);
        if (directory != null) {
            this.seen = modificationTimes();
            for (Path file : seen.keySet()) {
                var report = read(file);
                all.put(report.id(), report);
            }
        }
        this.reports = all;
        log.info("Loaded {} reports{}", reports.size(), directory == null ? "" : " (with " + directory + ")");
    }

    public List<ReportDefinition> all() {
        return List.copyOf(reports.values());
    }

    public Optional<ReportDefinition> find(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    /**
     * Reads the directory again when a file in it was added, changed or removed.
     *
     * @return true when something changed
     */
    public synchronized boolean reloadIfChanged() {
        if (directory == null) {
            return false;
        }
        try {
            Map<Path, Stamp> now = modificationTimes();
            if (now.equals(seen)) {
                return false;
            }
            var all = new LinkedHashMap<>(builtIn);
            for (Path file : now.keySet()) {
                String id = idOf(file);
                try {
                    all.put(id, read(file));
                } catch (RuntimeException e) {
                    log.error("Report file not reloaded, its last good version stays: {}", e.getMessage());
                    ReportDefinition previous = reports.get(id);
                    if (previous != null) {
                        all.put(id, previous);
                    }
                }
            }
            seen = now;
            reports = all;
            log.info("Report files reloaded from {}: {} reports", directory, all.size());
            return true;
        } catch (RuntimeException e) {
            log.error("Cannot read the report directory {}: {}", directory, e.getMessage());
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    private Map<Path, Stamp> modificationTimes() {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("liaison.reports.directory " + directory + " is not a directory");
        }
        var times = new LinkedHashMap<Path, Stamp>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                times.put(file, new Stamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        return times;
    }

    private record Stamp(long modified, long size) {
    }

    private static ReportDefinition read(Path file) {
        try {
            return ReportFile.parse(idOf(file), Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static Map<String, ReportDefinition> loadClassPath() {
        var loaded = new LinkedHashMap<String, ReportDefinition>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String name = file.getFilename();
                String id = name.substring(0, name.length() - SUFFIX.length());
                try (var in = file.getInputStream()) {
                    loaded.put(id, ReportFile.parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
        return loaded;
    }
}
