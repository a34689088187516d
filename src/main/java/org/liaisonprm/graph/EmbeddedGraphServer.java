package org.liaisonprm.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.io.Writer;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j DBMS running inside this process, reachable only through its Bolt connector.
 * <p>
 * The application never touches the embedded API beyond starting and stopping the DBMS: every query
 * goes through the Bolt driver, exactly as it would against an external server. That keeps one code
 * path for both modes.
 */
public final class EmbeddedGraphServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedGraphServer.class);
    private static final String DEFAULT_USER = "neo4j";
    private static final Cypher SET_PASSWORD = Cypher.load("graph/set-bolt-password");

    /**
     * Defaults that keep the embedded store to what Liaison needs; {@code liaison.graph.settings} may override
     * them. File URLs are off (imports read files in Java, not through LOAD CSV), only the APOC and GDS
     * procedures Liaison uses are loaded, and every transaction has a time and a memory limit of the DBMS's
     * own besides the ones Liaison sets.
     */
    private static final Map<String, String> LOCKED_DOWN = Map.of(
            "dbms.security.allow_csv_import_from_file_urls", "false",
            "dbms.security.procedures.allowlist", "apoc.coll.*,apoc.map.*,apoc.text.*,apoc.version,gds.*",
            "db.transaction.timeout", "15m",
            // how often time limits are checked; Neo4j's default (2 s) would let a query overrun its limit by that
            "db.transaction.monitor.check.interval", "200ms");

    /**
     * Bolt's network threads stop at once: Neo4j waits a quiet period of 5 s for late requests, twice over,
     * which made every stop of the embedded store take 10 s although nothing but Liaison talks to it then.
     */
    private static final Map<String, String> QUICK_STOP = Map.of(
            "internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final AuthToken authToken;

    private EmbeddedGraphServer(DatabaseManagementService dbms, URI boltUri, AuthToken authToken) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.authToken = authToken;
    }

    /**
     * Starts the DBMS, registers APOC and GDS, and opens Bolt.
     *
     * @throws GraphStoreLockedException when another process holds the store
     */
    public static EmbeddedGraphServer start(Path home, String boltAddress, int boltPort, String boltPassword,
                                            Map<String, String> extraSettings) {
        boolean configured = boltPassword != null && !boltPassword.isBlank();
        if (!isLoopback(boltAddress) && !configured) {
            throw new IllegalStateException("Bolt is set to listen on " + boltAddress
                    + ", beyond loopback: set liaison.graph.bolt-password (LIAISON_GRAPH_BOLT_PASSWORD) "
                    + "or listen on 127.0.0.1");
        }
        createDirectories(home);
        BoltPassword.Generated generated = configured ? null : BoltPassword.readOrCreate(home);
        String password = configured ? boltPassword : generated.password();

        var settings = new LinkedHashMap<String, String>(LOCKED_DOWN);
        settings.putAll(QUICK_STOP);
        settings.put("server.directories.import", home.resolve("import").toAbsolutePath().toString());
        settings.put("db.memory.transaction.max", defaultTransactionMemory());
        if (extraSettings != null) {
            settings.putAll(extraSettings);
        }
        var builder = new DatabaseManagementServiceBuilder(home);
        builder.loadPropertiesFromFile(writeSettings(home, settings));
        builder.setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(boltAddress, boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "apoc.*"));

        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                throw new GraphStoreLockedException(home, e);
            }
            throw e;
        }
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long dbmsStarted = System.nanoTime();
            ProcedureRegistrar.registerAll((GraphDatabaseAPI) db);
            long registered = System.nanoTime();
            setPassword(dbms, password);
            int port = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            var uri = URI.create("bolt://" + hostForUri(boltAddress) + ":" + port);
            log.info("Embedded Neo4j started in {} ms (DBMS {} ms, APOC and GDS {} ms) with its store in {}; "
                            + "Bolt listening on {} (user {}, password {})",
                    (System.nanoTime() - started) / 1_000_000, (dbmsStarted - started) / 1_000_000,
                    (registered - dbmsStarted) / 1_000_000, home.toAbsolutePath().normalize(), uri, DEFAULT_USER,
                    configured ? "from liaison.graph.bolt-password" : "in " + BoltPassword.file(home).toAbsolutePath());
            if (generated != null && generated.isNew()) {
                BoltPassword.announce(home, generated, uri);
            }
            return new EmbeddedGraphServer(dbms, uri, AuthTokens.basic(DEFAULT_USER, password));
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
    }

    /** The Bolt address clients of this process use. */
    public URI boltUri() {
        return boltUri;
    }

    /** The credentials clients of this process use. */
    public AuthToken authToken() {
        return authToken;
    }

    /** Closes the store cleanly; afterwards it opens without recovery. */
    @Override
    public void close() {
        log.info("Stopping embedded Neo4j");
        dbms.shutdown();
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(SET_PASSWORD.text(),
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Setting the password it already has is refused; anything else is a real failure.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Unknown Bolt listen address: " + address, e);
        }
    }

    /** A third of the heap, at most 2 GiB: a runaway query is stopped long before the process runs out. */
    private static String defaultTransactionMemory() {
        long mib = Math.min(2048, Runtime.getRuntime().maxMemory() / 3 / (1024 * 1024));
        return Math.max(64, mib) + "m";
    }

    private static String hostForUri(String address) {
        if (isWildcard(address)) {
            return "127.0.0.1";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static boolean isWildcard(String address) {
        return "0.0.0.0".equals(address) || "::".equals(address) || "[::]".equals(address);
    }

    private static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")) {
                return true;
            }
        }
        return false;
    }

    private static void createDirectories(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the graph data directory " + home, e);
        }
    }

    private static Path writeSettings(Path home, Map<String, String> settings) {
        Path conf = home.resolve("liaison-neo4j.conf");
        var properties = new Properties();
        properties.putAll(settings);
        try (Writer out = Files.newBufferedWriter(conf, StandardCharsets.UTF_8)) {
            properties.store(out, "Liaison's Neo4j defaults and liaison.graph.settings; rewritten at every start");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + conf, e);
        }
        return conf;
    }
}
