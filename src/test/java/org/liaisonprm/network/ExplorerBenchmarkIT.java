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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.Browser;
import org.liaisonprm.LiaisonProcess;
import org.liaisonprm.base.NetworkPicture;
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
 * time the frames; then the same picture grouped by health system ({@link Grouping}), as the explorer draws a
 * two-hop picture. Records whether every node lay inside the canvas with no overlaps. A second part times
 * {@code GET /api/network/neighbourhood} at two hops on the demo region through HTTP. Prints tables; asserts
 * only that the pictures were drawn in full and the requests answered.
 * <p>
 * Settings (system properties): {@code benchmark.nodes}, {@code benchmark.edges}, {@code benchmark.seed},
 * {@code benchmark.layouts} (comma separated), {@code benchmark.rounds} (each round draws every layout once).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBenchmarkIT {

    private static final String PASSWORD = "benchmark-admin-secret";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private LiaisonProcess app;
    private org.neo4j.driver.Driver bolt;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        int boltPort = LiaisonProcess.freePort();
        var arguments = List.of("--liaison.graph.data-dir=" + workDir.resolve("data"),
                "--liaison.graph.bolt-port=" + boltPort, "--liaison.security.initial-admin-password=" + PASSWORD,
                "--liaison.demo.last-month=2026-10",
                // -Dbenchmark.cache=false: every neighbourhood computed afresh, as before answers were reused
                "--liaison.cache.enabled=" + Boolean.parseBoolean(System.getProperty("benchmark.cache", "true")));
        app = new LiaisonProcess("explorer-benchmark", LiaisonProcess.freePort(), arguments).start(Duration.ofMinutes(4));
        bolt = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j",
                java.nio.file.Files.readString(workDir.resolve("data").resolve("bolt-password")).strip()));
        browser = Browser.open();
        browser.driver().get(app.baseUrl() + "/network");
        browser.logIn("admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (bolt != null) {
            bolt.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void drawsALargePictureInEveryLayoutAndStaysResponsive() throws Exception {
        int nodes = Integer.getInteger("benchmark.nodes", 2_000);
        int edges = Integer.getInteger("benchmark.edges", 10_000);
        int seed = Integer.getInteger("benchmark.seed", 42);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        List<String> layouts = List.of(System.getProperty("benchmark.layouts", "concentric,force,hierarchy").split(","));
        String focus;
        try (var session = bolt.session()) {
            focus = session.run("MATCH (p:Physician)-[:REFERRED]->() RETURN p.id AS id LIMIT 1")
                    .single().get("id").asString();
        }
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/network?focus=" + focus + "&hops=1");
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
        // the same picture grouped by health system, as the explorer's server side groups it
        var whole = JSON.readValue((String) page.executeScript("return window.liaisonExplorerBenchmark.json"),
                NetworkPicture.class);
        var grouped = Grouping.SYSTEM.apply(whole, java.util.Set.of());
        page.executeScript("window.liaisonExplorerBenchmark.grouped = arguments[0]", JSON.writeValueAsString(grouped));
        var rows = new ArrayList<Map<String, Object>>();
        for (int round = 1; round <= rounds; round++) {
            for (String which : List.of("whole", "grouped")) {
                for (String layout : layouts) {
                    @SuppressWarnings("unchecked")
                    var row = (Map<String, Object>) page.executeAsyncScript(script(), graph, "draw", layout, 40, 60,
                            20_000, which);
                    assertThat(row).as("the benchmark script's answer").doesNotContainKey("error");
                    int expected = "whole".equals(which) ? nodes : grouped.nodes().size();
                    assertThat(number(row, "nodes")).isEqualTo(expected);
                    out.printf("  round %d, %s, %s: render %,d ms, painted %,d ms, %d of %d nodes in view, "
                                    + "%d overlaps, %d labels%n", round, which, layout,
                            Math.round(decimal(row, "renderMs")), Math.round(decimal(row, "painted")),
                            number(row, "inView"), number(row, "nodes"), number(row, "overlaps"),
                            number(row, "labels"));
                    rows.add(row);
                }
            }
        }
        double loadAfter = loadAverage();

        out.printf("%nExplorer benchmark: %,d nodes, %,d edges (seed %d), %d rounds; picture JSON %,d characters;"
                        + " grouped by health system: %,d nodes (%d groups), %,d edges%n",
                nodes, edges, seed, rounds, number(prepared, "json"), grouped.nodes().size(),
                grouped.nodes().stream().filter(NetworkPicture.Node::standsForAGroup).count(), grouped.edges().size());
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
        out.printf("%-8s %-11s %-24s %7s %8s %9s  %-26s %-26s %-26s%n", "picture", "layout",
                "render ms (each round)", "median", "painted", "in view", "wheel zoom", "drag pan", "cy.zoom redraw");
        for (String which : List.of("whole", "grouped")) {
            for (String layout : layouts) {
                var mine = rows.stream().filter(row -> layout.equals(row.get("layout"))
                        && which.equals(row.get("picture"))).toList();
                var render = mine.stream().map(row -> Math.round(decimal(row, "renderMs"))).toList();
                var painted = mine.stream().map(row -> Math.round(decimal(row, "painted"))).toList();
                boolean allInView = mine.stream().allMatch(row -> number(row, "inView") == number(row, "nodes")
                        && number(row, "overlaps") == 0);
                out.printf("%-8s %-11s %-24s %,7d %,8d %9s  %-26s %-26s %-26s%n", which, layout,
                        String.join(" · ", render.stream().map(String::valueOf).toList()), median(render),
                        median(painted), allInView ? "all" : "NOT all", frames(mine, "wheel"), frames(mine, "pan"),
                        frames(mine, "redraw"));
            }
        }
        var zoomRange = rows.get(0);
        out.printf("Zoom range of the first draw: wheel %s, cy.zoom %s%n", range(zoomRange, "wheel"),
                range(zoomRange, "redraw"));
    }

    /**
     * {@code GET /api/network/neighbourhood} at two hops around the demo region's 100 busiest referrers, through
     * HTTP on loopback, one request at a time: a warm-up round, then {@code benchmark.rounds} measured rounds, with
     * an API token (no password hashing per request) and with HTTP Basic (BCrypt on every request), ungrouped and
     * grouped by health system. Prints median, 95th percentile and worst per variant.
     */
    @Test
    void answersTwoHopNeighbourhoodsOverHttp() throws Exception {
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        List<String> focuses;
        try (var session = bolt.session()) {
            focuses = session.run("""
                    MATCH (p:Physician)-[r:REFERRED]->()
                    WITH p, sum(r.referrals) AS sent ORDER BY sent DESC, p.id LIMIT 100
                    RETURN p.id AS id""").list(row -> row.get("id").asString());
        }
        String token = token();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var http = java.net.http.HttpClient.newHttpClient();
        var out = System.out;
        double loadBefore = loadAverage();
        var results = new java.util.LinkedHashMap<String, List<Double>>();
        var sizes = new ArrayList<Integer>();
        for (String auth : List.of("token", "basic")) {
            for (String group : List.of("none", "system")) {
                var times = new ArrayList<Double>();
                for (int round = 0; round <= rounds; round++) {
                    for (String focus : focuses) {
                        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl()
                                        + "/api/network/neighbourhood?focus=" + focus + "&hops=2&group=" + group))
                                .header("Authorization", "token".equals(auth) ? "Bearer " + token : basic).GET().build();
                        long started = System.nanoTime();
                        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                        double ms = (System.nanoTime() - started) / 1e6;
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        if (round > 0) {
                            times.add(ms);
                            if ("token".equals(auth) && "none".equals(group) && round == 1) {
                                sizes.add(JSON.readTree(response.body()).path("nodes").size());
                            }
                        }
                    }
                }
                results.put(auth + ", group=" + group, times);
            }
        }
        double loadAfter = loadAverage();
        int[] sorted = sizes.stream().mapToInt(Integer::intValue).sorted().toArray();
        out.printf("%nNeighbourhood over HTTP: %d focuses (the busiest referrers of the demo region), two hops, "
                        + "%d measured rounds after one warm-up; nodes per picture median %d, max %d%n",
                focuses.size(), rounds, sorted[sorted.length / 2], sorted[sorted.length - 1]);
        out.printf("Machine: %d cores, Java %s, load average %.2f before and %.2f after%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, loadAfter);
        out.printf("%-22s %9s %9s %9s %9s%n", "variant", "requests", "median", "p95", "worst");
        results.forEach((variant, times) -> {
            double[] ms = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.printf("%-22s %,9d %8.1f %8.1f %8.1f%n", variant, ms.length, quantile(ms, 0.5), quantile(ms, 0.95),
                    ms[ms.length - 1]);
        });
    }

    /** Creates an API token for the signed-in administrator on the account page, as a person would. */
    private String token() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/account");
        var wait = browser.waitUpTo(Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.cssSelector("#account-token-name input"))).sendKeys("benchmark");
        driver.findElement(By.id("account-create-token")).click();
        return wait.until(d -> {
            var shown = d.findElements(By.id("account-new-token"));
            return shown.isEmpty() || shown.get(0).getText().isBlank() ? null : shown.get(0).getText().strip();
        });
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
