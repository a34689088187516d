package org.liaisonprm.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonprm.Browser;
import org.liaisonprm.LiaisonProcess;
import org.liaisonprm.bench.ImportBenchmark;
import org.liaisonprm.graph.EmbeddedGraphServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Imports with the packaged jar, as users run them: the Import page in a real browser, and a command-line
 * load killed with SIGKILL part-way and run again, which must end identical to an uninterrupted load.
 */
class ImportIT {

    private static final Path JAR = Path.of("target", "liaison.jar");
    private static final String PASSWORD = "it-admin-secret";

    @TempDir
    Path dir;

    @Test
    void theImportPageUploadsFollowsTheProgressAndOffersTheErrorReport() throws Exception {
        Path nppes = Files.copy(Imports.sample("nppes.csv"), dir.resolve("nppes.csv"));
        try (var app = new LiaisonProcess("import-page", LiaisonProcess.freePort(), List.of(
                "--liaison.graph.data-dir=" + dir.resolve("data"), "--liaison.graph.bolt-port=0",
                "--liaison.demo.enabled=false", "--liaison.security.initial-admin-password=" + PASSWORD))
                .start(Duration.ofMinutes(4)); var browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(60));
            driver.get(app.baseUrl() + "/import");
            browser.logIn("admin", PASSWORD);
            var upload = wait.until(d -> d.findElement(By.className("import-upload")));
            upload.getShadowRoot().findElement(By.cssSelector("input[type='file']")).sendKeys(nppes.toAbsolutePath().toString());
            wait.until(d -> d.findElement(By.className("import-recognised")).getText()
                    .contains("nppes.csv: recognised as nppes (NPPES NPI registry)"));
            browser.screenshot("import-uploaded");

            driver.findElement(By.cssSelector("#import-state input")).sendKeys("MA");
            driver.findElement(By.id("import-start")).click();
            String summary = wait.until(d -> {
                String text = d.findElement(By.className("import-summary")).getText();
                return text.isBlank() ? null : text;
            });
            assertThat(summary).isEqualTo("60 rows read: 35 imported, 12 skipped, 13 refused; nodes 35 created, "
                    + "0 updated; relationships 0 created, 0 updated");
            assertThat(driver.findElement(By.className("import-status")).getText()).startsWith("DONE · nppes");
            browser.screenshot("import-done");

            var errors = driver.findElement(By.className("import-errors"));
            assertThat(errors.isDisplayed()).isTrue();
            Object csv = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)",
                    errors.getDomAttribute("href"));
            assertThat(csv.toString().lines().toList()).hasSize(14).first().isEqualTo("file,line,column,value,reason");
            assertThat(csv.toString()).contains("nppes.csv,5,NPI,1319487572,NPI check digit is wrong");
            wait.until(d -> d.findElement(By.className("import-history")).getText().contains("nppes.csv"));
        }
    }

    @Test
    void aLoadKilledPartWayAndRunAgainEndsAsAnUninterruptedLoad() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        ImportBenchmark.generate(input, 300_000, 30_000);
        Path clean = dir.resolve("clean");
        Path killed = dir.resolve("killed");
        for (Path store : List.of(clean, killed)) {
            assertThat(importCommand(store, "nppes", input.resolve("nppes.csv"), 0).waitFor()).isZero();
        }
        assertThat(importCommand(clean, "hop-teaming", input.resolve("hop-teaming.csv"), 0).waitFor()).isZero();

        int bolt = LiaisonProcess.freePort();
        Process load = importCommand(killed, "hop-teaming", input.resolve("hop-teaming.csv"), bolt);
        long written;
        // the store's generated Bolt password appears in its data directory when the command starts it
        Path passwordFile = killed.resolve("bolt-password");
        org.awaitility.Awaitility.await().atMost(5, TimeUnit.MINUTES).until(() -> Files.exists(passwordFile)
                && !Files.readString(passwordFile).isBlank());
        try (Driver watcher = GraphDatabase.driver("bolt://127.0.0.1:" + bolt,
                AuthTokens.basic("neo4j", Files.readString(passwordFile).strip()))) {
            var count = new java.util.concurrent.atomic.AtomicLong();
            // until about 50,000 relationships are in (the store refuses connections while it starts)
            org.awaitility.Awaitility.await().atMost(5, TimeUnit.MINUTES).pollInterval(java.time.Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        if (load.isAlive()) {
                            try (var session = watcher.session()) {
                                count.set(session.run("MATCH ()-[r:REFERRED]->() RETURN count(r) AS n").single().get("n").asLong());
                            }
                        }
                        return !load.isAlive() || count.get() >= 50_000;
                    });
            written = count.get();
        }
        assertThat(load.isAlive()).as("the load is still running when it is killed").isTrue();
        load.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(written).isBetween(1L, 299_999L);

        assertThat(importCommand(killed, "hop-teaming", input.resolve("hop-teaming.csv"), 0).waitFor()).isZero();
        assertThat(fingerprint(killed)).isEqualTo(fingerprint(clean));
    }

    private Process importCommand(Path store, String format, Path file, int boltPort) throws Exception {
        Files.createDirectories(Path.of("target", "it-logs"));
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1500m", "-jar", JAR.toString(), "import", "--format=" + format, "--file=" + file,
                "--errors=" + dir.resolve(format + ".errors.csv"), "--liaison.graph.data-dir=" + store,
                "--liaison.graph.bolt-port=" + boltPort, "--liaison.security.initial-admin-password=" + PASSWORD));
        if (format.equals("hop-teaming")) {
            command.add("--period=2024"); // the registry takes no period: the command would refuse it
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "it-logs", "import-kill.log").toFile()))
                .start();
    }

    /** Counts and sums over the whole graph, including which pairs hold which numbers. */
    private static Map<String, Object> fingerprint(Path store) {
        try (var server = EmbeddedGraphServer.start(store, "127.0.0.1", 0, null, Map.of());
             var driver = GraphDatabase.driver(server.boltUri(), server.authToken()); var session = driver.session()) {
            return session.run("""
                    CALL () { MATCH (p:Physician) RETURN count(p) AS physicians, count(p.stub) AS marked,
                                     sum(CASE WHEN p.stub THEN 1 ELSE 0 END) AS stubs }
                    CALL () { MATCH (a:Physician)-[r:REFERRED]->(b:Physician)
                              RETURN count(r) AS referred, sum(r.referrals) AS referrals, sum(r.patients) AS patients,
                                     sum(toInteger(substring(a.npi, 4)) % 10007 * r.referrals
                                         + toInteger(substring(b.npi, 4)) % 10009 * r.patients) AS pairs,
                                     count(DISTINCT r.serviceLine) AS lines, count(DISTINCT r.periodEnd) AS ends }
                    RETURN physicians, marked, stubs, referred, referrals, patients, pairs, lines, ends
                    """).single().asMap();
        }
    }
}
