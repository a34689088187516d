package org.liaisonprm.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the constraints and indexes in {@code cypher/schema/*.cypher} at start-up, in file name order.
 * <p>
 * Every statement is idempotent ({@code IF NOT EXISTS}); a file is run again only when it is new or its
 * text changed, and each application is recorded as a {@code (:SchemaMigration)} node.
 */
@Component
@Order(StartupOrder.SCHEMA)
public class GraphSchema implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GraphSchema.class);
    private static final String LOCATION = "classpath*:cypher/schema/*.cypher";

    private static final Cypher APPLIED = Cypher.load("graph/schema-applied");
    private static final Cypher RECORD = Cypher.load("graph/schema-record");

    private final Graph graph;

    GraphSchema(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void run(ApplicationArguments args) {
        apply();
    }

    /** Applies what has not been applied yet; returns the names of the files it ran. */
    public List<String> apply() {
        var ran = new java.util.ArrayList<String>();
        for (Resource file : files()) {
            String name = file.getFilename();
            String text = read(file);
            String checksum = sha256(text);
            if (alreadyApplied(name, checksum)) {
                continue;
            }
            List<String> statements = CypherScript.statements(text);
            for (String statement : statements) {
                // a statement of a schema file in cypher/schema/, run as the file holds it
                graph.write(Cypher.written(statement), Map.of());
            }
            graph.write(RECORD, Map.of("id", name, "checksum", checksum, "count", statements.size()));
            log.info("Applied schema file {} ({} statements)", name, statements.size());
            ran.add(name);
        }
        return ran;
    }

    private boolean alreadyApplied(String name, String checksum) {
        return graph.readOne(APPLIED, Map.of("id", name, "checksum", checksum), r -> r.get("same").asBoolean())
                .orElse(false);
    }

    private static List<Resource> files() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(LOCATION))
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + LOCATION, e);
        }
    }

    private static String read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
