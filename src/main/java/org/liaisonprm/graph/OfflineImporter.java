package org.liaisonprm.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Neo4j's offline importer, {@code neo4j-admin database import full}, run in this process into the embedded
 * store's home: it writes a new {@code neo4j} database from node and relationship files, replacing the one
 * there (which must hold nothing of value: callers check).
 */
public final class OfflineImporter {

    private OfflineImporter() {
    }

    /**
     * Whether the embedded store's {@code neo4j} database has a directory of files yet: false for a store that
     * was never started, which is then known to be empty without starting it.
     *
     * @param home     the embedded store's home ({@code liaison.graph.data-dir})
     * @param settings the embedded store's Neo4j settings: those that say where its files live apply
     */
    public static boolean storeExists(Path home, Map<String, String> settings) {
        Config config = Config.newBuilder()
                .set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath())
                .setRaw(directories(settings))
                .build();
        Path database = Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                .databaseDirectory();
        if (!Files.isDirectory(database)) {
            return false;
        }
        try (var files = Files.list(database)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + database, e);
        }
    }

    /** The settings that say where the store's files live ({@code server.directories.*}). */
    private static Map<String, String> directories(Map<String, String> settings) {
        var directories = new TreeMap<String, String>();
        settings.forEach((name, value) -> {
            if (name.startsWith("server.directories.")) {
                directories.put(name, value);
            }
        });
        return directories;
    }

    /**
     * Runs the importer.
     *
     * @param home      the embedded store's home ({@code liaison.graph.data-dir})
     * @param settings  the embedded store's Neo4j settings: those that say where its files live apply
     * @param files     the importer's {@code --nodes=…} and {@code --relationships=…} arguments and the like
     * @param work      a directory for its configuration, log and report
     * @throws IllegalStateException with the end of the importer's log when it fails
     */
    public static void run(Path home, Map<String, String> settings, List<String> files, Path work) {
        try {
            Path conf = Files.createDirectories(work.resolve("conf"));
            var lines = new StringBuilder();
            directories(settings).forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
            Files.writeString(conf.resolve("neo4j.conf"), lines, StandardCharsets.UTF_8);
            var arguments = new ArrayList<>(List.of("database", "import", "full"));
            arguments.addAll(files);
            arguments.addAll(List.of("--overwrite-destination=true", "--report-file=" + work.resolve("offline-import.report"),
                    "--threads=" + Runtime.getRuntime().availableProcessors(), "neo4j"));
            Path log = work.resolve("offline-import.log");
            int exit;
            try (var print = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                var context = new ExecutionContext(home, conf, print, print, new DefaultFileSystemAbstraction());
                exit = AdminTool.execute(context, arguments.toArray(String[]::new));
            }
            if (exit != 0) {
                List<String> text = Files.readAllLines(log, StandardCharsets.UTF_8);
                throw new IllegalStateException("Neo4j's offline importer stopped (exit code " + exit + "):\n"
                        + String.join("\n", text.subList(Math.max(0, text.size() - 20), text.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the offline importer in " + work, e);
        }
    }
}
