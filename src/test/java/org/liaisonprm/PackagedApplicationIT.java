package org.liaisonprm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The runnable jar as a user starts it: one command, the embedded graph with the demo region, Bolt for
 * other clients, the web UI in a real browser, a second instance in external mode, and a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedApplicationIT {

    private static final String PASSWORD = "it-admin-secret";
    private static final String DEMO_PASSWORD = "it-demo-secret";
    private static final Duration START = Duration.ofMinutes(4);

    private int boltPort;
    private List<String> arguments;
    private LiaisonProcess app;
    private Driver bolt;
    private AuthToken boltAuth;
    private Path dataDir;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        boltPort = LiaisonProcess.freePort();
        dataDir = workDir.resolve("data");
        arguments = List.of("--liaison.graph.data-dir=" + dataDir, "--liaison.graph.bolt-port=" + boltPort,
                "--liaison.security.initial-admin-password=" + PASSWORD, "--liaison.demo.users-password=" + DEMO_PASSWORD,
                "--liaison.demo.last-month=2026-10");
        app = new LiaisonProcess("embedded", LiaisonProcess.freePort(), arguments).start(START);
        boltAuth = AuthTokens.basic("neo4j", Files.readString(dataDir.resolve("bolt-password")).strip());
        bolt = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, boltAuth);
    }

    @AfterAll
    void stop() throws Exception {
        if (bolt != null) {
            bolt.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    @Order(1)
    void aFreshStartRefusesAnUnauthenticatedBoltClientAndSaysHowToConnect() throws Exception {
        try (Driver anonymous = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none())) {
            assertThatThrownBy(anonymous::verifyConnectivity)
                    .isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
        }
        try (Driver wrong = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", "neo4j"))) {
            assertThatThrownBy(wrong::verifyConnectivity)
                    .isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
        }
        assertThat(Files.readString(app.log())).contains("cypher-shell -a bolt://127.0.0.1:", "bolt-password");
    }

    @Test
    @Order(1)
    void answersCypherWithGdsAndApocOverBolt() {
        try (var session = bolt.session()) {
            assertThat(session.run("MATCH (p:Physician) RETURN count(p) AS n").single().get("n").asLong())
                    .isBetween(2400L, 2600L);
            assertThat(session.run("RETURN apoc.version() AS v").single().get("v").asString()).startsWith("5.26");
            session.run("""
                    MATCH (a:Physician)-[r:REFERRED]->(b:Physician)
                    WITH a, b, sum(r.referrals) AS referrals
                    WITH gds.graph.project('it-referrals', b, a, {relationshipProperties: {referrals: referrals}}) AS g
                    RETURN g.graphName""").consume();
            try {
                var top = session.run("""
                        CALL gds.pageRank.stream('it-referrals', {relationshipWeightProperty: 'referrals'})
                        YIELD nodeId, score
                        RETURN gds.util.asNode(nodeId).name AS name, score ORDER BY score DESC LIMIT 5
                        """).list();
                assertThat(top).hasSize(5);
                assertThat(top.get(0).get("score").asDouble()).isGreaterThan(top.get(4).get("score").asDouble());
            } finally {
                session.run("CALL gds.graph.drop('it-referrals', false)").consume();
            }
        }
    }

    @Test
    @Order(2)
    void aBrowserLogsInAndDrawsAPhysiciansNeighbourhood() throws Exception {
        String focus = busiestInNetworkPhysician();
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            driver.get(app.baseUrl() + "/network?focus=" + focus);
            assertThat(driver.getCurrentUrl()).contains("/login");
            browser.awaitLoginForm();
            browser.screenshot("login");
            browser.logIn("admin", PASSWORD);
            assertThat(driver.getCurrentUrl()).contains("/network?focus=" + focus);

            WebElement graph = browser.waitUpTo(Duration.ofSeconds(30)).until(d -> {
                var element = d.findElement(By.tagName("liaison-referral-network"));
                String nodes = element.getDomAttribute("data-node-count");
                return nodes != null && Integer.parseInt(nodes) > 1 ? element : null;
            });
            assertThat(Integer.parseInt(graph.getDomAttribute("data-edge-count"))).isPositive();
            assertThat(driver.findElement(By.className("network-summary")).getText()).contains("nodes");
            browser.waitUpTo(Duration.ofSeconds(5)).until(d -> graph.getDomAttribute("data-node-count") != null);
            browser.screenshot("network");

            browser.resize(390, 844);
            browser.screenshot("network-phone");
            browser.resize(1440, 900);

            // the explorer's filters: two hops draw more, a service line and months fewer; colouring and PNG
            var wait = browser.waitUpTo(Duration.ofSeconds(30));
            int oneHop = nodeCount(driver);
            var panel = driver.findElement(By.className("network-filter-panel"));
            driver.findElement(By.cssSelector(".network-filter-panel > vaadin-details-summary")).click();
            wait.until(d -> "true".equals(String.valueOf(panel.getDomProperty("opened"))));
            browser.screenshot("network-filters-open");
            choose(driver, "filter-hops", "2");
            wait.until(d -> d.getCurrentUrl().contains("hops=2") && nodeCount(d) > oneHop);
            int twoHops = nodeCount(driver);
            browser.screenshot("network-two-hops");
            choose(driver, "filter-color-by", "Health system");
            wait.until(d -> d.getCurrentUrl().contains("colorBy=system"));
            wait.until(d -> Integer.parseInt(d.findElement(By.tagName("liaison-referral-network"))
                    .getDomAttribute("data-color-count")) > 1);
            // expand a neighbour from its menu (right click), then hide one: the picture grows and shrinks in place
            driver.get(app.baseUrl() + "/network?focus=" + focus);
            wait.until(d -> nodeCount(d) > 1);
            int before = nodeCount(driver);
            var element = driver.findElement(By.tagName("liaison-referral-network"));
            boolean grown = false;
            for (int attempt = 0; attempt < 4 && !grown; attempt++) {
                @SuppressWarnings("unchecked")
                var at = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                        const el = arguments[0];
                        const n = el.cy.nodes().filter(x => !x.hasClass('focus')).sort((a, b) => b.data('volume') - a.data('volume'))[arguments[1]];
                        const p = n.renderedPosition();
                        return {id: n.id(), x: p.x - el.clientWidth / 2, y: p.y - el.clientHeight / 2};""", element, attempt);
                new org.openqa.selenium.interactions.Actions(driver)
                        .moveToElement(element, ((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue())
                        .contextClick().perform();
                wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return arguments[0].shadowRoot.querySelector('.menu').classList.contains('open')", element)));
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "arguments[0].shadowRoot.querySelector('[data-action=expand]').click()", element);
                int expected = before;
                grown = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> nodeCount(d) > expected || d.findElement(By.className("network-summary")).getText()
                                .contains("expanded") ? Boolean.TRUE : null) && nodeCount(driver) > before;
            }
            assertThat(grown).as("an expansion adds neighbours").isTrue();
            assertThat(driver.findElement(By.className("network-summary")).getText()).contains("expanded");
            browser.screenshot("network-expanded");
            int expanded = nodeCount(driver);
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                    const el = arguments[0];
                    el.openMenu(el.cy.nodes().filter(x => !x.hasClass('focus'))[0].id());
                    el.shadowRoot.querySelector('[data-action=hide]').click();""", element);
            wait.until(d -> nodeCount(d) == expanded - 1);
            assertThat(driver.findElement(By.className("network-summary")).getText()).contains("1 hidden");

            // the time slicer moves the months, and the link with them; size by influence; a report's paths
            driver.get(app.baseUrl() + "/network?focus=" + focus + "&from=2026-05&to=2026-10");
            wait.until(d -> nodeCount(d) > 1);
            var filterPanel = driver.findElement(By.className("network-filter-panel"));
            if (!"true".equals(String.valueOf(filterPanel.getDomProperty("opened")))) {
                driver.findElement(By.cssSelector(".network-filter-panel > vaadin-details-summary")).click();
            }
            var slider = wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("filter-slider")));
            slider.click();
            slider.sendKeys(org.openqa.selenium.Keys.HOME);
            wait.until(d -> d.getCurrentUrl().contains("to=2023-11") && d.getCurrentUrl().contains("from=2023-11"));
            wait.until(d -> d.findElement(By.className("network-summary")).getText().contains("Nov 2023"));
            browser.screenshot("network-slider");
            driver.get(app.baseUrl() + "/network?focus=" + focus + "&sizeBy=influence&highlight=influential-referrers");
            wait.until(d -> "influence".equals(d.findElement(By.tagName("liaison-referral-network")).getDomAttribute("data-size-by")));
            wait.until(d -> {
                String marked = d.findElement(By.tagName("liaison-referral-network")).getDomAttribute("data-highlight-count");
                return marked != null && Integer.parseInt(marked) > 0;
            });
            browser.screenshot("network-highlight");

            String filtered = app.baseUrl() + "/network?focus=" + focus + "&hops=2&serviceLine=Orthopedics"
                    + "&from=2026-05&to=2026-10&minReferrals=2&colorBy=community";
            driver.get(filtered);
            wait.until(d -> d.getCurrentUrl().contains("serviceLine=Orthopedics") && nodeCount(d) > 0
                    && nodeCount(d) < twoHops);
            wait.until(d -> d.findElement(By.tagName("liaison-referral-network")).getDomAttribute("data-color-count") != null);
            int filteredNodes = nodeCount(driver);
            String filteredEdges = driver.findElement(By.tagName("liaison-referral-network")).getDomAttribute("data-edge-count");
            browser.screenshot("network-filtered");
            // a link opens with the filters closed: the PNG button is in them
            var filters = driver.findElement(By.className("network-filter-panel"));
            if (!"true".equals(String.valueOf(filters.getDomProperty("opened")))) {
                driver.findElement(By.cssSelector(".network-filter-panel > vaadin-details-summary")).click();
                wait.until(d -> "true".equals(String.valueOf(filters.getDomProperty("opened"))));
            }
            driver.findElement(By.className("network-export")).click();
            wait.until(d -> {
                String bytes = d.findElement(By.tagName("liaison-referral-network")).getDomAttribute("data-exported-bytes");
                return bytes != null && Integer.parseInt(bytes) > 1000;
            });

            // the focus's profile: identity, figures, charts and partners
            driver.findElement(By.className("details-profile")).click();
            wait.until(d -> d.getCurrentUrl().contains("/physicians/" + focus));
            wait.until(d -> d.findElements(By.tagName("liaison-report-chart")).size() >= 2);
            assertThat(driver.findElement(By.className("profile-name")).getText()).isNotBlank();
            assertThat(driver.findElement(By.className("profile-figures")).getText()).contains("Referrals sent");
            assertThat(driver.findElements(By.className("profile-partner-list"))).hasSize(2);
            assertThat(driver.findElements(By.cssSelector(".profile-partner-list vaadin-grid"))).as("she sends to many")
                    .isNotEmpty();
            browser.screenshot("profile");

            driver.get(app.baseUrl() + "/network");
            var welcome = browser.waitUpTo(Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.className("network-empty")));
            assertThat(welcome.getText()).contains("Busiest in-network referrers");
            browser.screenshot("network-welcome");

            // the deep link draws the same picture in a new session
            try (var second = Browser.open()) {
                second.driver().get(filtered);
                second.logIn("admin", PASSWORD);
                second.waitUpTo(Duration.ofSeconds(30)).until(d -> nodeCount(d) == filteredNodes);
                assertThat(second.driver().findElement(By.tagName("liaison-referral-network"))
                        .getDomAttribute("data-edge-count")).isEqualTo(filteredEdges);
            }
        }
    }

    /**
     * The demo region's two-hop pictures of its three planted focuses, in each layout: grouped by health system
     * as they open, every node lies inside the canvas and no two overlap; the flow view adds up to the picture; a
     * group opens in place and closes back to the same picture; the address restores grouping, open groups and
     * view in a fresh session.
     */
    @Test
    @Order(2)
    void twoHopPicturesOfThePlantedFocusesFitTheCanvasAndGroupsOpenAndClose() throws Exception {
        var focuses = Map.of("collapsed-referrer", "1151412552", "chain-leakage-broker", "1254785045",
                "quincy-splitter", "1282601651");
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            driver.get(app.baseUrl() + "/network");
            browser.logIn("admin", PASSWORD);
            var wait = browser.waitUpTo(Duration.ofSeconds(60));
            for (var focus : new java.util.TreeMap<>(focuses).entrySet()) {
                for (String layout : List.of("concentric", "force", "hierarchy")) {
                    driver.get(app.baseUrl() + "/network?focus=" + focus.getValue() + "&hops=2&layout=" + layout);
                    var graph = drawn(wait);
                    int nodes = Integer.parseInt(graph.getDomAttribute("data-node-count"));
                    assertThat(Integer.parseInt(graph.getDomAttribute("data-group-count")))
                            .as("%s %s: grouped by health system", focus.getKey(), layout).isPositive();
                    assertThat(graph.getDomAttribute("data-in-view")).as("%s %s: every node in view", focus.getKey(),
                            layout).isEqualTo(String.valueOf(nodes));
                    assertThat(graph.getDomAttribute("data-node-overlaps")).as("%s %s: no overlaps", focus.getKey(),
                            layout).isEqualTo("0");
                    browser.screenshot("network-2hop-" + focus.getKey() + "-" + layout);
                }
                // the flow view: its bands add up to the picture's referrals
                driver.get(app.baseUrl() + "/network?focus=" + focus.getValue() + "&hops=2&view=flow");
                var flow = wait.until(d -> {
                    var element = d.findElement(By.tagName("liaison-leakage-flow"));
                    return element.getDomAttribute("data-referrals") != null ? element : null;
                });
                String summary = driver.findElement(By.className("network-summary")).getText();
                var total = java.util.regex.Pattern.compile("\\(([\\d,]+) referrals\\)").matcher(summary);
                assertThat(total.find()).as(summary).isTrue();
                assertThat(flow.getDomAttribute("data-referrals")).isEqualTo(total.group(1).replace(",", ""));
                assertThat(driver.findElement(By.className("network-flow-summary")).getText())
                        .contains("Top destinations of leakage");
                browser.screenshot("network-flow-" + focus.getKey());
            }

            // a picture opened from the welcome page's suggestions, or from the search box, fits as one opened
            // by its address does
            driver.get(app.baseUrl() + "/network");
            wait.until(d -> d.findElement(By.cssSelector(".network-suggestions vaadin-button"))).click();
            var suggested = drawn(wait);
            wait.until(d -> suggested.getDomAttribute("data-node-count").equals(suggested.getDomAttribute("data-in-view")));
            var search = driver.findElement(By.cssSelector("vaadin-combo-box.network-search input"));
            search.sendKeys("Castellanos");
            wait.until(d -> d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                    .filter(item -> item.isDisplayed() && item.getText().contains("Castellanos")).findFirst()
                    .orElse(null)).click();
            wait.until(d -> d.getCurrentUrl().contains("focus=1254785045"));
            var searched = drawn(wait);
            wait.until(d -> searched.getDomAttribute("data-node-count").equals(searched.getDomAttribute("data-in-view")));
            assertThat(searched.getDomAttribute("data-node-overlaps")).isEqualTo("0");
            browser.screenshot("network-from-search");

            // open a group from its menu and close it again: the same picture
            driver.get(app.baseUrl() + "/network?focus=1254785045&hops=2");
            var graph = drawn(wait);
            String before = (String) js(driver, "return arguments[0].describe()", graph);
            int groups = Integer.parseInt(graph.getDomAttribute("data-group-count"));
            String group = (String) js(driver, """
                    const el = arguments[0];
                    const g = el.cy.nodes('.group').sort((a, b) => a.data('volume') - b.data('volume'))[0];
                    el.openMenu(g.id());
                    el.shadowRoot.querySelector('[data-action=open-group]').click();
                    return g.id();""", graph);
            wait.until(d -> Integer.parseInt(graph.getDomAttribute("data-group-count")) == groups - 1);
            wait.until(d -> d.getCurrentUrl().contains("open="));
            drawn(wait);
            assertThat(graph.getDomAttribute("data-in-view")).isEqualTo(graph.getDomAttribute("data-node-count"));
            assertThat(graph.getDomAttribute("data-node-overlaps")).isEqualTo("0");
            browser.screenshot("network-group-open");
            driver.findElement(By.className("group-close")).click();
            wait.until(d -> Integer.parseInt(graph.getDomAttribute("data-group-count")) == groups);
            wait.until(d -> before.equals(js(d, "return arguments[0].describe()", graph)));
            assertThat(driver.getCurrentUrl()).doesNotContain("open=");

            // grouping, an open group and the view, restored by the address in a fresh session
            driver.get(app.baseUrl() + "/network?focus=1254785045&hops=2&group=practice");
            var practices = drawn(wait);
            js(driver, """
                    const el = arguments[0];
                    const g = el.cy.nodes('.group').sort((a, b) => b.data('volume') - a.data('volume'))[0];
                    el.openMenu(g.id());
                    el.shadowRoot.querySelector('[data-action=open-group]').click();""", practices);
            wait.until(d -> d.getCurrentUrl().contains("open="));
            drawn(wait);
            String ids = ids(driver, practices);
            driver.findElements(By.tagName("vaadin-tab")).stream().filter(tab -> tab.getText().equals("Leakage flow"))
                    .findFirst().orElseThrow().click();
            wait.until(d -> d.getCurrentUrl().contains("view=flow"));
            String link = driver.getCurrentUrl();
            assertThat(link).contains("group=practice").contains("open=practice");
            try (var second = Browser.open()) {
                second.driver().get(link);
                second.logIn("admin", PASSWORD);
                var again = second.waitUpTo(Duration.ofSeconds(60));
                again.until(d -> d.findElement(By.tagName("liaison-leakage-flow")).getDomAttribute("data-referrals"));
                assertThat(second.driver().findElement(By.tagName("liaison-leakage-flow")).isDisplayed()).isTrue();
                second.driver().findElements(By.tagName("vaadin-tab")).stream()
                        .filter(tab -> tab.getText().equals("Network")).findFirst().orElseThrow().click();
                var restored = drawn(again);
                assertThat(ids(second.driver(), restored)).isEqualTo(ids);
                assertThat(second.driver().getCurrentUrl()).contains("group=practice").contains("open=practice");
            }
        }
    }

    /** The explorer's element once its picture has been laid out. */
    private static WebElement drawn(org.openqa.selenium.support.ui.WebDriverWait wait) {
        return wait.until(d -> {
            var element = d.findElement(By.tagName("liaison-referral-network"));
            String rendered = element.getDomAttribute("data-render-ms");
            String nodes = element.getDomAttribute("data-node-count");
            return rendered != null && nodes != null && Integer.parseInt(nodes) > 1 && element.isDisplayed()
                    ? element : null;
        });
    }

    /** The ids of the nodes drawn, sorted. */
    private static String ids(org.openqa.selenium.WebDriver driver, WebElement graph) {
        return (String) js(driver, "return arguments[0].cy.nodes().map(n => n.id()).sort().join(' ')", graph);
    }

    private static int nodeCount(org.openqa.selenium.WebDriver driver) {
        var elements = driver.findElements(By.tagName("liaison-referral-network"));
        String count = elements.isEmpty() ? null : elements.get(0).getDomAttribute("data-node-count");
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** Picks an item of a vaadin-select by its text. */
    private static void choose(org.openqa.selenium.WebDriver driver, String selectId, String item) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id(selectId))).click();
        wait.until(d ->
                d.findElements(By.cssSelector("vaadin-select-overlay[opened] vaadin-select-item")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().strip().equals(item)).findFirst().orElse(null))
                .click();
    }

    @Test
    @Order(3)
    void aReportOpensByDeepLinkAndShowsItsRowsAsATableAGraphAndCsv() throws Exception {
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            driver.get(app.baseUrl() + "/reports/chain-leakage-paths?minReferrals=5&limit=5000");
            browser.logIn("admin", PASSWORD);
            assertThat(driver.getCurrentUrl()).contains("/reports/chain-leakage-paths?minReferrals=5&limit=5000");
            var wait = browser.waitUpTo(Duration.ofSeconds(30));
            String first = wait.until(d -> {
                String text = d.findElement(By.className("report-summary")).getText();
                return text.contains("rows") ? text : null;
            });
            long rows = Long.parseLong(first.substring(0, first.indexOf(' ')).replace(",", ""));
            assertThat(rows).isPositive();
            assertThat(((Number) js(driver, "return document.querySelector('vaadin-grid.report-grid').size")).longValue())
                    .isEqualTo(rows);

            // a stricter minimum leaves fewer chains, and the address follows the form
            var minimum = driver.findElement(By.cssSelector("#param-minReferrals input"));
            minimum.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "15");
            driver.findElement(By.className("report-run")).click();
            wait.until(d -> !d.findElement(By.className("report-summary")).getText().equals(first));
            String second = driver.findElement(By.className("report-summary")).getText();
            assertThat(Long.parseLong(second.substring(0, second.indexOf(' ')).replace(",", ""))).isLessThan(rows);
            wait.until(d -> d.getCurrentUrl().contains("minReferrals=15"));

            driver.findElements(By.tagName("vaadin-tab")).stream().filter(tab -> tab.getText().equals("Table"))
                    .findFirst().orElseThrow().click();
            browser.screenshot("report-table");
            driver.findElements(By.tagName("vaadin-tab")).stream().filter(tab -> tab.getText().equals("Graph"))
                    .findFirst().orElseThrow().click();
            wait.until(d -> {
                String nodes = d.findElement(By.cssSelector(".report-results liaison-referral-network"))
                        .getDomAttribute("data-node-count");
                return nodes != null && Integer.parseInt(nodes) > 2;
            });
            // the report's picture fills its tab and reads: every node in view, none on another
            var reportGraph = driver.findElement(By.cssSelector(".report-results liaison-referral-network"));
            wait.until(d -> reportGraph.getDomAttribute("data-node-count")
                    .equals(reportGraph.getDomAttribute("data-in-view")));
            assertThat(reportGraph.getDomAttribute("data-node-overlaps")).isEqualTo("0");
            browser.screenshot("report-graph");

            String href = driver.findElement(By.className("report-download")).getDomAttribute("href");
            Object csv = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)",
                    href);
            assertThat(csv.toString()).startsWith("Referring physician,Outside physician,Outside facility,Referrals to physician,"
                    + "Referrals to facility,Chain volume")
                    .contains("Victor Castellanos, MD");

            driver.get(app.baseUrl() + "/reports/leakage-by-service-line");
            var chart = wait.until(d -> d.findElement(By.tagName("liaison-report-chart")));
            wait.until(d -> "2".equals(chart.getDomAttribute("data-series-count")));
            assertThat(Integer.parseInt(chart.getDomAttribute("data-label-count"))).isGreaterThanOrEqualTo(8);
            browser.screenshot("report-chart");

            driver.get(app.baseUrl() + "/reports");
            wait.until(d -> d.findElements(By.className("report-card")).size() >= 12);
            browser.screenshot("reports");

            // ad-hoc Cypher: a link fills the editor and runs nothing; Run runs a read, a write is refused with the reason
            driver.get(app.baseUrl() + "/query?cypher="
                    + java.net.URLEncoder.encode("MATCH (h:HealthSystem) RETURN h.name AS name ORDER BY name", StandardCharsets.UTF_8));
            wait.until(d -> d.findElement(By.className("query-run"))).click();
            wait.until(d -> d.findElement(By.className("report-summary")).getText().startsWith("3 rows"));
            browser.screenshot("query");
            driver.get(app.baseUrl() + "/query?cypher=" + java.net.URLEncoder.encode("CREATE (n:Hack)", StandardCharsets.UTF_8));
            wait.until(d -> d.findElement(By.className("query-run"))).click();
            var refusal = wait.until(d -> {
                var message = d.findElement(By.className("query-message"));
                return message.isDisplayed() ? message.getText() : null;
            });
            assertThat(refusal).startsWith("The clause CREATE is not allowed: queries may only read");

            // a query with a declared parameter is saved as a shared report and opens beside the built-in ones
            String facilities = """
                    // @param minimum: int = 1000
                    MATCH (:Physician)-[r:REFERRED]->(f:Facility)
                    WITH f, sum(r.referrals) AS referrals WHERE referrals >= $minimum
                    RETURN f.name AS facility, referrals ORDER BY referrals DESC LIMIT 10""";
            driver.get(app.baseUrl() + "/query?cypher=" + java.net.URLEncoder.encode(facilities, StandardCharsets.UTF_8));
            wait.until(d -> d.findElement(By.className("query-run"))).click();
            wait.until(d -> d.findElement(By.className("report-summary")).getText().startsWith("10 rows"));
            driver.findElement(By.className("query-save")).click();
            wait.until(d -> d.findElement(By.cssSelector("#save-title input"))).sendKeys("Busiest facilities");
            driver.findElement(By.id("save-shared")).click();
            browser.screenshot("save-report");
            driver.findElement(By.id("save-confirm")).click();
            wait.until(d -> d.getCurrentUrl().contains("/reports/busiest-facilities"));
            wait.until(d -> d.findElement(By.className("report-summary")).getText().startsWith("10 rows"));
            assertThat(driver.findElement(By.className("report-saved-by")).getText())
                    .startsWith("Shared report saved by admin · version 1");
            assertThat(driver.findElement(By.cssSelector("#param-minimum input")).getDomProperty("value")).isEqualTo("1000");
            browser.screenshot("saved-report");
            driver.get(app.baseUrl() + "/reports");
            wait.until(d -> d.findElements(By.cssSelector(".report-card.saved")).size() == 1);
            assertThat(driver.findElement(By.cssSelector(".report-card.saved .report-saved-by")).getText())
                    .isEqualTo("Shared · saved by admin");
        }
    }

    /** The in-network physician who sends the most referrals. */
    private String busiestInNetworkPhysician() {
        try (var session = bolt.session()) {
            return session.run("""
                    MATCH (p:Physician {network: 'IN'})-[r:REFERRED]->()
                    WITH p, sum(r.referrals) AS volume ORDER BY volume DESC LIMIT 1
                    RETURN p.id AS id""").single().get("id").asString();
        }
    }

    /** Fails unless the middle of the element is the element itself: nothing (a map, a graph) lies above it. */
    private static void assertOnTop(org.openqa.selenium.WebDriver driver, WebElement element, String what) {
        Object top = js(driver, """
                const el = arguments[0];
                el.scrollIntoView({block: 'center'});
                const r = el.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return r.width > 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth
                    && (hit === el || el.contains(hit));""", element);
        assertThat(top).as(what + " is in view with nothing above it").isEqualTo(true);
    }

    private static Object js(org.openqa.selenium.WebDriver driver, String script, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Test
    @Order(4)
    void anAdministratorCreatesALiaisonWhoSeesOnlyWhatTheRoleAllows() throws Exception {
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/users");
            browser.logIn("admin", PASSWORD);
            wait.until(d -> d.findElement(By.className("users-new"))).click();
            wait.until(d -> d.findElement(By.cssSelector("#user-username input"))).sendKeys("jordan.lee");
            driver.findElement(By.cssSelector("#user-display-name input")).sendKeys("Jordan Lee");
            driver.findElements(By.cssSelector("#user-roles vaadin-checkbox")).stream()
                    .filter(box -> box.getText().startsWith("Liaison")).findFirst().orElseThrow().click();
            driver.findElement(By.cssSelector("#user-password input")).sendKeys("a-new-liaison-passphrase");
            driver.findElement(By.cssSelector("#user-territories input")).click();
            driver.findElement(By.cssSelector("#user-territories input")).sendKeys("North Shore");
            wait.until(d -> d.findElements(By.tagName("vaadin-multi-select-combo-box-item")).stream()
                    .filter(e -> e.isDisplayed() && e.getText().strip().equals("North Shore")).findFirst().orElse(null)).click();
            wait.until(d -> d.findElement(By.id("user-territories")).getText().contains("North Shore")
                    || String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return document.getElementById('user-territories').selectedItems.map(i => i.label).join()")).contains("North Shore"));
            // the list of territories stays open for more choices, as a click elsewhere would close it
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('user-territories').opened = false");
            wait.until(d -> d.findElements(By.tagName("vaadin-multi-select-combo-box-item")).stream().noneMatch(WebElement::isDisplayed));
            browser.screenshot("user-new");
            driver.findElement(By.id("user-save")).click();
            wait.until(d -> d.findElement(By.className("users-grid")).getText().contains("jordan.lee"));
            browser.screenshot("users");

            driver.findElements(By.tagName("vaadin-button")).stream().filter(b -> b.getText().contains("Log out"))
                    .findFirst().orElseThrow().click();
            browser.awaitLoginForm();
            browser.logIn("jordan.lee", "a-new-liaison-passphrase");
            var menu = wait.until(d -> {
                var items = d.findElements(By.tagName("vaadin-side-nav-item")).stream().map(e -> e.getText().strip()).toList();
                return items.isEmpty() ? null : items;
            });
            assertThat(menu).contains("Home", "Network", "Targets", "Visit plan", "Map", "Interactions", "Reports", "My account")
                    .doesNotContain("Users", "Audit trail", "Cypher", "Territories", "Goals");
            browser.screenshot("liaison-home");

            // only their territory: the target list offers North Shore alone, and the map draws one territory
            driver.get(app.baseUrl() + "/targets");
            wait.until(d -> d.findElement(By.className("targets-territory")).getText().contains("North Shore"));
            wait.until(d -> !d.findElements(By.className("target-add")).isEmpty());
            driver.findElement(By.className("targets-territory")).click();
            var offered = wait.until(d -> {
                var items = d.findElements(By.cssSelector("vaadin-select-overlay[opened] vaadin-select-item")).stream()
                        .map(e -> e.getText().strip()).toList();
                return items.isEmpty() ? null : items;
            });
            assertThat(offered).hasSize(1).first().asString().startsWith("North Shore");
            driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.screenshot("liaison-targets");
            driver.get(app.baseUrl() + "/map");
            var map = wait.until(d -> {
                var element = d.findElement(By.tagName("liaison-outreach-map"));
                return "true".equals(element.getDomAttribute("data-ready")) ? element : null;
            });
            assertThat(map.getDomAttribute("data-territory-count")).isEqualTo("1");
            driver.get(app.baseUrl() + "/territories");
            wait.until(d -> d.findElement(By.className("access-denied")));
            assertThat(driver.findElements(By.className("territories-grid"))).as("territories are for managers").isEmpty();
            driver.get(app.baseUrl() + "/users");
            wait.until(d -> d.findElement(By.className("access-denied")));
            assertThat(driver.findElements(By.className("users-grid"))).as("no user management for a liaison").isEmpty();
        }
        try (var session = bolt.session()) {
            assertThat(session.run("MATCH (e:AuditEvent {type: 'USER_CREATED', username: 'admin', target: 'jordan.lee'}) "
                    + "RETURN count(e) AS n").single().get("n").asLong()).isEqualTo(1);
            assertThat(session.run("MATCH (e:AuditEvent {type: 'LOGIN', username: 'jordan.lee'}) RETURN count(e) AS n")
                    .single().get("n").asLong()).isEqualTo(1);
            assertThat(session.run("MATCH (e:AuditEvent {type: 'LOGOUT', username: 'admin'}) RETURN count(e) AS n")
                    .single().get("n").asLong()).isEqualTo(1);
            assertThat(session.run("MATCH (e:AuditEvent {type: 'USER_CHANGED', username: 'admin', target: 'jordan.lee'}) "
                    + "WHERE e.detail CONTAINS 'north-shore' RETURN count(e) AS n").single().get("n").asLong()).isEqualTo(1);
        }
    }

    /**
     * A liaison's week: the dashboard, three targets into this week's plan, the route on the map, the plan
     * as an iCalendar file with three events, a stop marked done on a phone-sized screen through the
     * interaction form, and the dashboard's counts moving. Nothing is fetched from outside the application.
     */
    @Test
    @Order(5)
    void aLiaisonPlansTheWeekVisitsAndLogsFromAStop() throws Exception {
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/");
            browser.logIn("liaison1", DEMO_PASSWORD);
            var week = wait.until(d -> d.findElement(By.cssSelector(".home-week-interactions .profile-figure-value")));
            int before = Integer.parseInt(week.getText().strip());
            assertThat(driver.findElement(By.cssSelector(".home-plan .profile-figure-value")).getText()).isEqualTo("0 / 0");
            assertThat(driver.findElements(By.cssSelector(".home-targets a"))).hasSizeGreaterThan(1);
            assertThat(driver.findElement(By.className("home-goals")).getText()).contains("Interactions this quarter");
            browser.screenshot("home-liaison");

            driver.get(app.baseUrl() + "/targets");
            wait.until(d -> d.findElements(By.className("target-add")).size() >= 3);
            assertThat(driver.findElement(By.className("targets-grid")).getText()).contains("influence");
            browser.screenshot("targets");
            for (int i = 0; i < 3; i++) {
                int index = i;
                var button = wait.until(d -> d.findElements(By.className("target-add")).get(index));
                button.click();
                wait.until(d -> "Planned".equals(d.findElements(By.className("target-add")).get(index).getText().strip()));
            }

            driver.get(app.baseUrl() + "/plan");
            wait.until(d -> "3".equals(d.findElement(By.className("plan-summary")).getDomAttribute("data-stop-count")));
            var map = wait.until(d -> {
                var element = d.findElement(By.tagName("liaison-outreach-map"));
                return "3".equals(element.getDomAttribute("data-route-stops")) ? element : null;
            });
            assertThat(Integer.parseInt(map.getDomAttribute("data-place-count"))).isPositive();
            browser.screenshot("plan");
            Object external = js(driver, "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => !n.startsWith(location.origin) && !n.startsWith('data:') && !n.startsWith('blob:'))");
            assertThat((List<?>) external).as("requests outside the application").isEmpty();

            String href = driver.findElement(By.className("plan-ics")).getDomAttribute("href");
            Object ics = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(new URL(arguments[0], document.baseURI)).then(r => r.text()).then(done, e => done('failed ' + e));", href);
            var calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(String.valueOf(ics)));
            assertThat(calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT)).hasSize(3);

            // Done opens the interaction form above the route map, on a desktop and on a phone
            var desktopDone = wait.until(d -> d.findElements(By.className("stop-mark-done")).size() == 3
                    ? d.findElements(By.className("stop-mark-done")).get(2) : null);
            browser.scrollIntoView(desktopDone);
            desktopDone.click();
            var desktopSave = wait.until(d -> d.findElement(By.className("interaction-save")));
            assertOnTop(driver, desktopSave, "Save in the Done dialog on a desktop");
            browser.screenshot("log-from-stop-desktop");
            desktopSave.click();
            wait.until(d -> d.findElements(By.className("stop-done")).size() == 1);

            // on a phone each stop is one card, its buttons under the visit
            browser.resize(390, 844);
            wait.until(d -> d.findElements(By.cssSelector(".target-name .stop-mark-done")).size() == 2);
            var phoneDone = driver.findElements(By.cssSelector(".target-name .stop-mark-done")).get(0);
            browser.scrollIntoView(phoneDone);
            phoneDone.click();
            var save = wait.until(d -> d.findElement(By.className("interaction-save")));
            assertOnTop(driver, save, "Save in the Done dialog on a phone");
            browser.screenshot("log-from-stop-phone");
            save.click();
            wait.until(d -> d.findElements(By.className("stop-done")).size() == 2);
            browser.resize(1440, 900);

            driver.get(app.baseUrl() + "/");
            wait.until(d -> Integer.parseInt(d.findElement(By.cssSelector(".home-week-interactions .profile-figure-value"))
                    .getText().strip()) == before + 2);
            assertThat(driver.findElement(By.cssSelector(".home-plan .profile-figure-value")).getText()).isEqualTo("2 / 3");
            browser.screenshot("home-liaison-after");
        }
        try (var session = bolt.session()) {
            assertThat(session.run("""
                    MATCH (:User {username: 'liaison1'})-[:PLANS]->(:VisitPlan)-[s:STOP {done: true}]->(x)
                    MATCH (i:Interaction {id: s.interactionId})-[:WITH]->(x)
                    RETURN count(i) AS n""").single().get("n").asLong()).isEqualTo(2);
        }
    }

    @Test
    @Order(6)
    void aManagerSeesTheTeamRollUp() throws Exception {
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/");
            browser.logIn("manager", DEMO_PASSWORD);
            wait.until(d -> d.findElements(By.cssSelector(".home-activity-chart liaison-report-chart")).size() == 1);
            assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Team");
            wait.until(d -> d.findElement(By.cssSelector(".home-activity-chart liaison-report-chart"))
                    .getDomAttribute("data-series-count") != null);
            assertThat(Integer.parseInt(driver.findElement(By.cssSelector(".home-activity-chart liaison-report-chart"))
                    .getDomAttribute("data-series-count"))).isGreaterThan(1);
            assertThat(driver.findElements(By.cssSelector(".home-team-goals .goal-progress[data-state]"))).hasSizeGreaterThanOrEqualTo(9);
            assertThat(driver.findElement(By.className("home-team-goals")).getText()).contains("South Shore", "Lee Okafor", "Interactions this quarter");
            assertThat(driver.findElements(By.cssSelector(".home-kept-chart liaison-report-chart"))).hasSize(1);
            browser.screenshot("home-manager");
            // goals in colour and words, and the team scorecard beneath them
            driver.get(app.baseUrl() + "/goals");
            var scorecard = wait.until(d -> d.findElement(By.className("scorecard-grid")));
            wait.until(d -> scorecard.getText().contains("Lee Okafor"));
            assertThat(driver.findElements(By.cssSelector(".goals-grid .goal-progress[data-state]"))).isNotEmpty();
            browser.scrollIntoView(driver.findElements(By.tagName("h3")).stream()
                    .filter(h -> h.getText().equals("Team scorecard")).findFirst().orElseThrow());
            browser.screenshot("scorecard");
            driver.get(app.baseUrl() + "/territories");
            wait.until(d -> d.findElement(By.className("territories-grid")).getText().contains("South Shore"));
            browser.screenshot("territories");
        }
    }

    /**
     * The demo region's collapsed referrer is among liaison4's alerts (Newton is in her territory); she makes a
     * task of it, on a phone-sized screen too, and closes the task; the manager's Home shows it done.
     */
    @Test
    @Order(6)
    void aLiaisonTurnsAnAlertIntoATaskClosesItAndTheManagerSeesIt() throws Exception {
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/alerts");
            browser.logIn("liaison4", DEMO_PASSWORD);
            var card = wait.until(d -> d.findElements(By.cssSelector(".alert-card[data-kind='drifting-referrer']")).stream()
                    .filter(c -> c.getText().contains("Eleanor Whitfield")).findFirst().orElse(null));
            assertThat(card.getText()).contains("is referring less in network", "Kept referrals expected", "Chance of so few kept");
            String alertId = card.getDomAttribute("data-alert-id");
            browser.scrollIntoView(card);
            browser.screenshot("alerts-liaison");
            browser.resize(390, 844);
            browser.scrollIntoView(card);
            browser.screenshot("alerts-liaison-phone");
            browser.resize(1440, 900);
            var makeTask = card.findElement(By.className("alert-make-task"));
            browser.scrollIntoView(makeTask);
            makeTask.click();
            wait.until(d -> d.findElements(By.cssSelector(".alert-card[data-alert-id='" + alertId + "']")).isEmpty());

            driver.get(app.baseUrl() + "/tasks");
            String title = "Eleanor Whitfield, MD is referring less in network";
            wait.until(d -> d.findElement(By.className("tasks-grid")).getText().contains(title));
            browser.screenshot("tasks-liaison");
            String taskId;
            try (var session = bolt.session()) {
                taskId = session.run("MATCH (t:Task {alertId: $alert}) RETURN t.id AS id", Map.of("alert", alertId))
                        .single().get("id").asString();
            }
            driver.findElement(By.cssSelector(".task-done[data-task-id='" + taskId + "']")).click();
            wait.until(d -> !d.findElement(By.className("tasks-grid")).getText().contains(title));
        }
        try (var browser = Browser.open()) {
            var driver = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/");
            browser.logIn("manager", DEMO_PASSWORD);
            var row = wait.until(d -> d.findElement(By.cssSelector(".home-team-follow-ups [data-username='liaison4']")));
            assertThat(row.getText()).contains("Riley Nguyen", "1 done in 7 days");
            driver.get(app.baseUrl() + "/tasks");
            wait.until(d -> d.findElement(By.className("tasks-team")).getText().contains("Riley Nguyen"));
            browser.screenshot("tasks-manager");
        }
        try (var session = bolt.session()) {
            assertThat(session.run("""
                    MATCH (:User {username: 'liaison4'})-[:OWNS]->(t:Task {status: 'DONE'})-[:ABOUT]->(p:Physician)
                    MATCH (a:Alert {id: t.alertId, status: 'TASK'})
                    RETURN count(t) AS n""").single().get("n").asLong()).isEqualTo(1);
        }
    }

    /**
     * Every view each role may open, at desktop (1400 × 900) and phone (390 × 844) sizes, speaks its users'
     * language: no internal codes, field names or scientific notation in what it shows, and no page wider
     * than the window. Every page is saved as a screenshot under {@code target/screenshots/scan-…}. A viewer who
     * opens the target list gets the access-denied page inside the layout.
     */
    @Test
    @Order(6)
    void everyViewSpeaksItsUsersLanguageAtDesktopAndPhoneSizes() throws Exception {
        String physician = busiestInNetworkPhysician();
        var extra = List.of("physicians/" + physician, "network?focus=" + physician, "reports/leakage-by-service-line",
                "reports/loyalty-segments", "reports/top-leaking-physicians", "account");
        var problems = new java.util.TreeMap<String, List<String>>();
        for (var who : List.of(List.of("admin", PASSWORD), List.of("manager", DEMO_PASSWORD),
                List.of("analyst", DEMO_PASSWORD), List.of("viewer", DEMO_PASSWORD), List.of("liaison1", DEMO_PASSWORD))) {
            String user = who.get(0);
            try (var browser = Browser.open()) {
                var driver = browser.driver();
                driver.get(app.baseUrl() + "/");
                browser.logIn(user, who.get(1));
                var wait = browser.waitUpTo(Duration.ofSeconds(30));
                @SuppressWarnings("unchecked")
                var menu = (List<String>) wait.until(d -> {
                    Object paths = js(d, "return [...document.querySelectorAll('vaadin-side-nav-item')]"
                            + ".map(i => i.getAttribute('path')).filter(p => p !== null)");
                    return ((List<?>) paths).isEmpty() ? null : paths;
                });
                var routes = new java.util.LinkedHashSet<String>();
                menu.forEach(path -> routes.add(path.startsWith("/") ? path.substring(1) : path));
                routes.addAll(extra);
                for (var size : List.of(List.of(1400, 900), List.of(390, 844))) {
                    browser.resize(size.get(0), size.get(1));
                    String sizeName = size.get(0) < 600 ? "phone" : "desktop";
                    for (String route : routes) {
                        driver.get(app.baseUrl() + "/" + route);
                        wait.until(d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
                        ScreenScan.settle(driver);
                        String name = (user + "-" + (route.isEmpty() ? "home" : route) + "-" + sizeName)
                                .replaceAll("[^A-Za-z0-9-]+", "-");
                        browser.screenshot("scan-" + name);
                        var found = ScreenScan.problems((org.openqa.selenium.JavascriptExecutor) driver);
                        if (!found.isEmpty()) {
                            problems.put(user + " /" + route + " (" + sizeName + ")", found);
                        }
                    }
                }
                if (user.equals("viewer")) {
                    browser.resize(1400, 900);
                    driver.get(app.baseUrl() + "/targets");
                    var denied = wait.until(d -> d.findElement(By.className("access-denied")));
                    assertThat(denied.getText()).contains("This page is not open to you", "Viewer", "Back to Home");
                    assertThat(driver.findElements(By.tagName("vaadin-side-nav-item"))).as("the menu stays").isNotEmpty();
                    browser.screenshot("access-denied-viewer");
                }
            }
        }
        assertThat(problems).as("what the views show people").isEmpty();
    }

    @Test
    @Order(7)
    void aSecondInstanceInExternalModeServesTheSameGraph() throws Exception {
        long physicians;
        try (var session = bolt.session()) {
            physicians = session.run("MATCH (p:Physician) RETURN count(p) AS n").single().get("n").asLong();
        }
        // instances that share a graph share its Bolt credentials and the server secret that keys passwords
        try (var second = new LiaisonProcess("external", LiaisonProcess.freePort(), List.of(
                "--liaison.graph.mode=external", "--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort,
                "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + Files.readString(dataDir.resolve("bolt-password")).strip(),
                "--liaison.security.secret=" + Files.readString(dataDir.resolve("liaison-secret")).strip(),
                "--liaison.graph.data-dir=" + dataDir.resolveSibling("external-data"))).start(START)) {
            var health = new ObjectMapper().readTree(adminGet(second.baseUrl() + "/actuator/health"));
            var graph = health.path("components").path("graph").path("details");
            assertThat(graph.path("mode").asText()).isEqualTo("external");
            assertThat(graph.path("physicians").asLong()).isEqualTo(physicians);
            assertThat(Files.readString(second.log())).doesNotContain("Loaded the demo region");
        }
    }

    @Test
    @Order(8)
    void aRestartAfterSigtermKeepsEveryCount() throws Exception {
        Map<String, Long> before = counts();
        bolt.close();
        int exit = app.stop();
        assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(Files.readString(app.log())).contains("Stopping embedded Neo4j");

        app = new LiaisonProcess("embedded-restarted", LiaisonProcess.freePort(), arguments).start(START);
        bolt = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, boltAuth);
        assertThat(counts()).isEqualTo(before);
        assertThat(Files.readString(app.log())).contains("already holds providers");
    }

    private Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        try (var session = bolt.session()) {
            for (var label : List.of("Physician", "Practice", "Facility", "HealthSystem", "Payer", "User")) {
                counts.put(label, session.run("MATCH (n:" + label + ") RETURN count(n) AS n").single().get("n").asLong());
            }
            for (var type : List.of("REFERRED", "PRACTICES_AT", "PART_OF", "EMPLOYED_BY", "AFFILIATED_WITH")) {
                counts.put(type, session.run("MATCH ()-[r:" + type + "]->() RETURN count(r) AS n").single().get("n").asLong());
            }
            counts.put("referrals", session.run("MATCH ()-[r:REFERRED]->() RETURN sum(r.referrals) AS n")
                    .single().get("n").asLong());
        }
        return counts;
    }

    private static String adminGet(String url) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
