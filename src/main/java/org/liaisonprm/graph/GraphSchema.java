package org.liaisonprm.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.exceptions.ClientException;
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
    private static final Cypher AWAIT_INDEXES = Cypher.load("graph/await-indexes");
    private static final Cypher INDEXES_NOT_ONLINE = Cypher.load("graph/indexes-not-online");

    private final Graph graph;

    GraphSchema(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void run(ApplicationArguments args) {
        apply();
    }

    /**
     * Applies what has not been applied yet, all of it in one transaction, so that the indexes it creates are
     * populated together in one pass over the store rather than one pass each; returns the names of the files
     * it ran. The indexes come online in the background (a uniqueness constraint's index is built before its
     * statement returns).
     */
    public List<String> apply() {
        long started = System.nanoTime();
        var pending = new ArrayList<Pending>();
        for (Resource file : files()) {
            String name = file.getFilename();
            String text = read(file);
            String checksum = sha256(text);
            if (!alreadyApplied(name, checksum)) {
                pending.add(new Pending(name, checksum, CypherScript.statements(text)));
            }
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        graph.write(tx -> {
            for (Pending file : pending) {
                for (String statement : file.statements()) {
                    // a statement of a schema file in cypher/schema/, run as the file holds it
                    tx.run(Cypher.written(statement), Map.of());
                }
            }
            return null;
        });
        for (Pending file : pending) {
            graph.write(RECORD, Map.of("id", file.name(), "checksum", file.checksum(), "count", file.statements().size()));
        }
        var names = pending.stream().map(Pending::name).toList();
        log.info("Applied schema files {} ({} statements) in {} ms", String.join(", ", names),
                pending.stream().mapToInt(file -> file.statements().size()).sum(),
                (System.nanoTime() - started) / 1_000_000);
        return names;
    }

    /**
     * Waits until every index is online, at most this long; returns those still being built or failed when the
     * wait ends ("physician_zip (POPULATING)"), none when the store is ready.
     */
    public List<String> awaitIndexes(Duration timeout) {
        try {
            graph.read(AWAIT_INDEXES, Map.of("seconds", Math.max(1, timeout.toSeconds())), r -> r);
            return List.of();
        } catch (ClientException e) {
            // the procedure gave up: on a timeout or a failed index, which the list then names
            var building = graph.read(INDEXES_NOT_ONLINE, Map.of(),
                    r -> r.get("name").asString() + " (" + r.get("state").asString() + ")");
            if (building.isEmpty()) {
                throw e;
            }
            return building;
        }
    }

    /** A schema file not applied yet, or changed since. */
    private record Pending(String name, String checksum, List<String> statements) {
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
