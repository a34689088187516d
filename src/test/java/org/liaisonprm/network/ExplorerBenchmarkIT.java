package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.Browser;
import org.liaisonprm.LiaisonProcess;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The explorer's benchmark (docs/benchmarks.md), not a test: it runs only with {@code -Dbenchmark=true}.
 * <p>
 * The packaged application in headless Chromium: log in, open the explorer, hand the element a generated
 * picture (2,000 nodes and 10,000 edges by default, the same for a given seed) through its own {@code picture}
 * property, and for each layout time the draw until the layout has ended and the next frame was painted; then
 * zoom with the wheel, drag the background and zoom through {@code cy.zoom}, one step per animation frame, and
 * time the frames. Prints a table; asserts only that the picture was drawn in full.
 * <p>
 * Settings (system properties): {@code benchmark.nodes}, {@code benchmark.edges}, {@code benchmark.seed},
 * {@code benchmark.layouts} (comma separated), {@code benchmark.rounds} (each round draws every layout once).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ExplorerBenchmarkIT {

    private static final String PASSWORD = "benchmark-admin-secret";

    @Test
    void drawsALargePictureInEveryLayoutAndStaysResponsive(@TempDir Path workDir) throws Exception {
        int nodes = Integer.getInteger("benchmark.nodes", 2_000);
        int edges = Integer.getInteger("benchmark.edges", 10_000);
        int seed = Integer.getInteger("benchmark.seed", 42);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        List<String> layouts = List.of(System.getProperty("benchmark.layouts", "concentric,force,hierarchy").split(","));

        int boltPort = LiaisonProcess.freePort();
        var arguments = List.of("--liaison.graph.data-dir=" + workDir.resolve("data"),
                "--liaison.graph.bolt-port=" + boltPort, "--liaison.security.initial-admin-password=" + PASSWORD,
                "--liaison.demo.last-month=2026-10");
        try (var app = new LiaisonProcess("explorer-benchmark", LiaisonProcess.freePort(), arguments)
                .start(Duration.ofMinutes(4));
             var bolt = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j",
                     java.nio.file.Files.readString(workDir.resolve("data").resolve("bolt-password")).strip()));
             var browser = Browser.open()) {
            String focus;
            try (var session = bolt.session()) {
                focus = session.run("MATCH (p:Physician)-[:REFERRED]->() RETURN p.id AS id LIMIT 1")
                        .single().get("id").asString();
            }
            var driver = browser.driver();
            driver.get(app.baseUrl() + "/network?focus=" + focus);
            browser.logIn("admin", PASSWORD);
            WebElement graph = browser.waitUpTo(Duration.ofSeconds(60)).until(d -> {
                var element = d.findElement(By.tagName("liaison-referral-network"));
                String drawn = element.getDomAttribute("data-node-count");
                return drawn != null && Integer.parseInt(drawn) > 1 ? element : null;
            });
            // each call stays well inside the browser driver's three minutes for one command
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
            var page = (JavascriptExecutor) driver;
            var out = System.out;

            double loadBefore = loadAverage();
            @SuppressWarnings("unchecked")
            var prepared = (Map<String, Object>) page.executeAsyncScript(script(), graph, "prepare", nodes, edges, seed);
            var rows = new ArrayList<Map<String, Object>>();
            for (int round = 1; round <= rounds; round++) {
                for (String layout : layouts) {
                    @SuppressWarnings("unchecked")
                    var row = (Map<String, Object>) page.executeAsyncScript(script(), graph, "draw", layout, 40, 60,
                            20_000);
                    assertThat(row).as("the benchmark script's answer").doesNotContainKey("error");
                    assertThat(number(row, "nodes")).isEqualTo(nodes);
                    assertThat(number(row, "edges")).isEqualTo(edges);
                    out.printf("  round %d, %s: render %,d ms, painted %,d ms%n", round, layout,
                            Math.round(decimal(row, "renderMs")), Math.round(decimal(row, "painted")));
                    rows.add(row);
                }
            }
            double loadAfter = loadAverage();

            out.printf("%nExplorer benchmark: %,d nodes, %,d edges (seed %d), %d rounds; picture JSON %,d characters%n",
                    nodes, edges, seed, rounds, number(prepared, "json"));
            out.printf("Browser: Chromium %s headless, canvas %s CSS px, device pixel ratio %s%n",
                    ((HasCapabilities) driver).getCapabilities().getBrowserVersion(),
                    prepared.get("canvas"), prepared.get("pixelRatio"));
            out.printf("Machine: %d cores, Java %s, load average %.2f before and %.2f after%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, loadAfter);
            out.println("""
                    render: from setting the picture to the layout's end (data-render-ms); painted: until the
                    frame after it was drawn. Frames: time between animation frames, one step each (ms, median / 95th
                    percentile / worst (frames)); wheel zoom and drag pan go through Cytoscape's input handlers,
                    cy.zoom redraws every frame in full. Each sequence stops early after 20 s.""");
            out.printf("%-11s %-24s %7s %8s  %-26s %-26s %-26s%n", "layout", "render ms (each round)", "median",
                    "painted", "wheel zoom", "drag pan", "cy.zoom redraw");
            for (String layout : layouts) {
                var mine = rows.stream().filter(row -> layout.equals(row.get("layout"))).toList();
                var render = mine.stream().map(row -> Math.round(decimal(row, "renderMs"))).toList();
                var painted = mine.stream().map(row -> Math.round(decimal(row, "painted"))).toList();
                out.printf("%-11s %-24s %,7d %,8d  %-26s %-26s %-26s%n", layout,
                        String.join(" · ", render.stream().map(String::valueOf).toList()), median(render),
                        median(painted), frames(mine, "wheel"), frames(mine, "pan"), frames(mine, "redraw"));
            }
            var zoomRange = rows.get(0);
            out.printf("Zoom range of the first draw: wheel %s, cy.zoom %s%n", range(zoomRange, "wheel"),
                    range(zoomRange, "redraw"));
        }
    }

    private static String script() throws IOException {
        try (InputStream in = ExplorerBenchmarkIT.class.getResourceAsStream("explorer-benchmark.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The frames of every round of one kind, pooled: median / 95th percentile / worst. */
    @SuppressWarnings("unchecked")
    private static String frames(List<Map<String, Object>> rows, String kind) {
        var times = new ArrayList<Double>();
        for (var row : rows) {
            var part = (Map<String, Object>) row.get(kind);
            ((Collection<Object>) part.get("times")).forEach(t -> times.add(((Number) t).doubleValue()));
        }
        if (times.isEmpty()) {
            return "none";
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return "%.1f / %.1f / %.0f (%d)".formatted(quantile(sorted, 0.5), quantile(sorted, 0.95),
                sorted[sorted.length - 1], sorted.length);
    }

    @SuppressWarnings("unchecked")
    private static String range(Map<String, Object> row, String kind) {
        var part = (Map<String, Object>) row.get(kind);
        return "%.2f → %.2f".formatted(decimal(part, "from"), decimal(part, "deepest"));
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1)];
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static int number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).intValue();
    }

    private static double decimal(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
