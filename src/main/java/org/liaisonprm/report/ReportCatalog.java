package org.liaisonprm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The built-in reports: every {@code cypher/reports/*.cypher} file on the class path, read at start-up.
 * A file that cannot be read stops the start with the file, line and reason.
 */
@Service
public class ReportCatalog {

    private static final Logger log = LoggerFactory.getLogger(ReportCatalog.class);
    private static final String LOCATION = "classpath*:cypher/reports/*.cypher";

    private final Map<String, ReportDefinition> reports;

    ReportCatalog() {
        this.reports = load();
        log.info("Loaded {} reports from cypher/reports", reports.size());
    }

    public List<ReportDefinition> all() {
        return List.copyOf(reports.values());
    }

    public Optional<ReportDefinition> find(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    private static Map<String, ReportDefinition> load() {
        var loaded = new LinkedHashMap<String, ReportDefinition>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String name = file.getFilename();
                String id = name.substring(0, name.length() - ".cypher".length());
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
