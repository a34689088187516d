package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the sandbox relies on, checked on the demo region with its users, interactions, plans and goals:
 * the market's relationship types connect market nodes only, and an answer holding application data is
 * refused even if a query got that far.
 */
@DemoGraphTest
class SandboxPolicyTests {

    @Autowired
    Driver driver;

    @Autowired
    ReportCatalog catalog;

    @Autowired
    ReportRunner runner;

    /** An analyst can save a copy of any built-in market report and it runs in the sandbox unchanged. */
    @Test
    void everyBuiltInMarketReportPassesTheSandbox() {
        var checked = new java.util.ArrayList<String>();
        for (ReportDefinition report : catalog.all()) {
            if (report.readsOutreach()) {
                continue;
            }
            runner.check(report.cypher(), runner.parameters(report, Map.of()));
            for (ReportParameter parameter : report.parameters()) {
                if (parameter.choicesQuery() != null) {
                    runner.check(parameter.choicesQuery(), Map.of());
                }
            }
            checked.add(report.id());
        }
        assertThat(checked).contains("influential-referrers", "referral-brokers", "referral-communities",
                "lookalike-prospects", "chain-leakage-paths", "leakage-by-service-line");
    }

    @Test
    void theMarketsRelationshipTypesConnectMarketNodesOnly() {
        assertThat(GraphFixtures.count(driver, "MATCH (i:Interaction)-[:WITH]->() RETURN count(i)"))
                .as("the demo region holds outreach data").isPositive();
        for (String type : SandboxPolicy.RELATIONSHIP_TYPES) {
            var labels = GraphFixtures.rows(driver, "MATCH (a)-[r:" + type + "]->(b) "
                    + "UNWIND labels(a) + labels(b) AS label RETURN collect(DISTINCT label) AS labels", Map.of())
                    .get(0).get("labels").asList(v -> v.asString());
            assertThat(labels).as(type).isNotEmpty();
            assertThat(SandboxPolicy.LABELS).as("labels at the ends of " + type).containsAll(labels);
        }
    }

    @Test
    void anAnswerHoldingApplicationDataIsRefused() {
        try (var session = driver.session()) {
            var user = session.run("MATCH (u:User) RETURN u LIMIT 1").single().get("u");
            assertThatThrownBy(() -> GraphValues.checkVisible(user)).isInstanceOf(QueryRefusedException.class)
                    .hasMessageContaining("returned a User node");
            var nested = session.run("MATCH (u:User) RETURN [{user: u}] AS x LIMIT 1").single().get("x");
            assertThatThrownBy(() -> GraphValues.checkVisible(nested)).isInstanceOf(QueryRefusedException.class);
            var path = session.run("MATCH path = (:User)-[:LOGGED]->(:Interaction) RETURN path LIMIT 1").single()
                    .get("path");
            assertThatThrownBy(() -> GraphValues.checkVisible(path)).isInstanceOf(QueryRefusedException.class);
            var market = session.run("MATCH path = (:Physician)-[:REFERRED]->() RETURN path LIMIT 1").single()
                    .get("path");
            GraphValues.checkVisible(market);
        }
    }
}
