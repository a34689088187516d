package org.liaisonprm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.liaisonprm.LiaisonApplication;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.report.ReportRunner;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.TransactionConfig;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar liaison.jar bench reports [--physicians=N] [--relationships=N] [--runs=N]}: builds a
 * synthetic graph in a fresh embedded store, then times the leakage, top-leakers and influence reports warm
 * against the plain Cypher a user would write first, and prints the figures (docs/benchmarks.md).
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    record Timing(String name, List<Long> millis, String note) {
        long median() {
            var sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
        }

        long worst() {
            return millis.stream().max(Comparator.naturalOrder()).orElse(-1L);
        }
    }

    /**
     * {@code bench network}: the same graph, then the explorer's neighbourhood (two hops, default limits) for
     * {@code --focuses} physicians in turn, warm; prints the median, 95th percentile and worst.
     */
    public static void network(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int physicians = Integer.parseInt(options.getOrDefault("physicians", "100000"));
        long relationships = Long.parseLong(options.getOrDefault("relationships", "3000000"));
        int focuses = Integer.parseInt(options.getOrDefault("focuses", "200"));
        Path dataDir = Files.createTempDirectory("liaison-bench");
        LocalDate end = LocalDate.of(2026, 11, 1);
        System.out.printf("Explorer benchmark: %,d physicians, %,d referral relationships, %d focuses%n",
                physicians, relationships, focuses);
        printMachine();
        try (ConfigurableApplicationContext context = start(dataDir)) {
            Graph graph = context.getBean(Graph.class);
            var network = context.getBean(org.liaisonprm.network.NetworkService.class);
            long started = System.nanoTime();
            BenchmarkGraph.build(graph, physicians, 500, relationships, end);
            System.out.printf("Graph built in %,d ms%n", (System.nanoTime() - started) / 1_000_000);
            var from = end.minusMonths(12);
            var sizes = new ArrayList<Integer>();
            var millis = new ArrayList<Long>();
            for (int round = 0; round < 2; round++) { // the first round warms the page cache and the plans
                millis.clear();
                sizes.clear();
                for (int i = 0; i < focuses; i++) {
                    String focus = "bench-" + ((long) i * 7919 % physicians);
                    long t = System.nanoTime();
                    var picture = network.neighbourhood(new org.liaisonprm.network.Neighbourhood(focus, 2, List.of(),
                            from, end, 1, org.liaisonprm.network.Neighbourhood.Direction.BOTH, java.util.Set.of(),
                            org.liaisonprm.network.Neighbourhood.DEFAULT_PER_NODE,
                            org.liaisonprm.network.Neighbourhood.DEFAULT_CAP)).orElseThrow();
                    millis.add((System.nanoTime() - t) / 1_000_000);
                    sizes.add(picture.nodes().size());
                }
            }
            var sorted = millis.stream().sorted().toList();
            var nodes = sizes.stream().sorted().toList();
            System.out.printf("neighbourhood, 2 hops, <= 500 nodes: median %d ms, p95 %d ms, worst %d ms; "
                            + "nodes median %d, max %d%n", sorted.get(sorted.size() / 2),
                    sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1),
                    nodes.get(nodes.size() / 2), nodes.get(nodes.size() - 1));
        } finally {
            delete(dataDir);
        }
    }

    static void printMachine() {
        System.out.printf("Machine: %d cores, max heap %,d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1 << 20), System.getProperty("java.version"));
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LiaisonApplication.class).web(WebApplicationType.NONE).run(settings(dataDir));
    }

    /**
     * A fresh store, no demo, no web server. Command-line arguments: they outrank application.yml, default
     * properties would not. Vaadin's configuration assumes a web server, so it is left out.
     */
    static String[] settings(Path dataDir) {
        return new String[] {
                "--liaison.graph.data-dir=" + dataDir,
                "--liaison.graph.bolt-port=0",
                "--liaison.graph.settings[server.memory.pagecache.size]=2g",
                "--liaison.demo.enabled=false",
                "--liaison.security.initial-admin-password=benchmark-only-password",
                "--liaison.reports.timeout=300s",
                "--logging.level.root=warn",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                "--spring.main.banner-mode=off"};
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int physicians = Integer.parseInt(options.getOrDefault("physicians", "100000"));
        long relationships = Long.parseLong(options.getOrDefault("relationships", "3000000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        Path dataDir = Files.createTempDirectory("liaison-bench");
        LocalDate end = LocalDate.of(2026, 11, 1);
        System.out.printf("Report benchmark: %,d physicians, %,d referral relationships, %d warm runs each%n",
                physicians, relationships, runs);
        printMachine();

        try (ConfigurableApplicationContext context = start(dataDir)) {
            Graph graph = context.getBean(Graph.class);
            ReportRunner reports = context.getBean(ReportRunner.class);

            long started = System.nanoTime();
            BenchmarkGraph.build(graph, physicians, 500, relationships, end);
            long built = (System.nanoTime() - started) / 1_000_000;
            long actual = graph.readOne(REFERRED_COUNT, Map.of(), r -> r.get(0).asLong()).orElseThrow();
            System.out.printf("Graph built in %,d ms: %,d REFERRED relationships%n", built, actual);
            started = System.nanoTime();
            var rollup = context.getBean(ReferralRollup.class).rebuild();
            System.out.printf("Referral rollup rebuilt in %,d ms: generation %d over %d periods%n%n",
                    (System.nanoTime() - started) / 1_000_000, rollup.generation(), rollup.periods());

            var period = Map.<String, Object>of("from", end.minusMonths(12), "to", end);
            var timings = new ArrayList<Timing>();
            timings.add(time("leakage-by-service-line (report)", runs,
                    () -> reports.run("leakage-by-service-line", Map.of()).rows().size()));
            timings.add(time("leakage by service line (plain Cypher)", runs,
                    () -> rows(graph, PLAIN_LEAKAGE, period)));
            timings.add(time("top-leaking-physicians (report)", runs,
                    () -> reports.run("top-leaking-physicians", Map.of()).rows().size()));
            timings.add(time("top leaking physicians (plain Cypher)", runs,
                    () -> rows(graph, PLAIN_TOP_LEAKERS, period)));
            timings.add(time("influential-referrers (report, projection included)", runs,
                    () -> reports.run("influential-referrers", Map.of()).rows().size()));
            timings.add(time("influence as two-hop reach (plain Cypher)", 1,
                    () -> rows(graph, PLAIN_INFLUENCE, period)));

            System.out.printf("%-52s %10s %10s  %s%n", "what", "median ms", "worst ms", "runs");
            for (Timing t : timings) {
                System.out.printf("%-52s %,10d %,10d  %s%s%n", t.name(), t.median(), t.worst(), t.millis(),
                        t.note().isEmpty() ? "" : "  " + t.note());
            }
        } finally {
            delete(dataDir);
        }
    }

    private static Timing time(String name, int runs, Supplier<Integer> work) {
        String note = "";
        var millis = new ArrayList<Long>();
        try {
            int rows = work.get(); // warm-up: plans cached, pages in memory
            note = rows + " rows";
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                work.get();
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            note = "failed: " + e.getMessage();
        }
        System.out.printf("  %s: %s %s%n", name, millis, note);
        return new Timing(name, millis, note);
    }

    /** A plain statement's rows, given two minutes. */
    private static int rows(Graph graph, Cypher cypher, Map<String, Object> parameters) {
        return graph.inTransaction(AccessMode.READ, TransactionConfig.builder().withTimeout(Duration.ofMinutes(2)).build(),
                Graph.Outcome.COMMIT, tx -> tx.list(cypher, parameters, r -> r).size());
    }

    /** What a user writes first: no label on the start node, rows collected then reduced. */
    private static final Cypher REFERRED_COUNT = Cypher.load("bench/referred-count");

    static final Cypher PLAIN_LEAKAGE = Cypher.load("bench/plain-leakage");

    /** What a user writes first: a second pass over each physician's referrals to find the top destination. */
    static final Cypher PLAIN_TOP_LEAKERS = Cypher.load("bench/plain-top-leakers");

    /** Influence without GDS: how many referrals a physician's receivers pass on (two-hop reach). */
    static final Cypher PLAIN_INFLUENCE = Cypher.load("bench/plain-influence");

    static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .forEach(a -> options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        return options;
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
