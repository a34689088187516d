package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The built-in outreach reports keep to the outreach scoping of docs/security.md on the demo region:
 * analysts and viewers do not see them, a liaison sees only their own interactions and territories,
 * managers and administrators the team's.
 */
@DemoGraphTest
class OutreachReportScopeTests {

    private static final CurrentUser ANALYST = CurrentUser.of("analyst", Role.ANALYST);
    private static final CurrentUser VIEWER = CurrentUser.of("viewer", Role.VIEWER);
    private static final CurrentUser MANAGER = CurrentUser.of("manager", Role.MANAGER);
    private static final CurrentUser LIAISON = CurrentUser.of("liaison1", Role.LIAISON);

    @Autowired
    ReportLibrary library;

    @Autowired
    ReportRunner runner;

    @Autowired
    Driver driver;

    @Test
    void analystsAndViewersDoNotSeeOutreachReports() {
        for (CurrentUser user : List.of(ANALYST, VIEWER)) {
            assertThat(library.all(user)).extracting(ReportDefinition::id)
                    .doesNotContain("outreach-roi", "untouched-targets").contains("leakage-by-service-line");
            for (String id : List.of("outreach-roi", "untouched-targets")) {
                assertThatThrownBy(() -> library.run(id, Map.of(), user)).as(user.username() + " " + id)
                        .isInstanceOf(NoSuchElementException.class);
            }
        }
        assertThat(library.all(LIAISON)).extracting(ReportDefinition::id).contains("outreach-roi", "untouched-targets");
    }

    @Test
    void aLiaisonSeesOnlyTheirOwnInteractionsAndTerritories() {
        Set<String> own = ids("""
                MATCH (:User {username: 'liaison1'})-[:LOGGED]->(:Interaction)-[:WITH]->(p:Physician)
                RETURN DISTINCT p.id AS id""");
        Set<String> others = ids("""
                MATCH (u:User)-[:LOGGED]->(:Interaction)-[:WITH]->(p:Physician) WHERE u.username <> 'liaison1'
                  AND NOT EXISTS { (:User {username: 'liaison1'})-[:LOGGED]->(:Interaction)-[:WITH]->(p) }
                RETURN DISTINCT p.id AS id""");
        assertThat(own).isNotEmpty();
        assertThat(others).isNotEmpty();

        var team = column(library.run("outreach-roi", Map.of(), MANAGER), "physicianId");
        var mine = column(library.run("outreach-roi", Map.of(), LIAISON), "physicianId");
        assertThat(mine).isNotEmpty().isSubsetOf(own).doesNotContainAnyElementsOf(others);
        assertThat(team).containsAll(mine).containsAnyElementsOf(others);

        Set<String> covered = ids("MATCH (:User {username: 'liaison1'})-[:COVERS]->(t:Territory) RETURN t.name AS id");
        assertThat(covered).isNotEmpty();
        var targets = column(library.run("untouched-targets", Map.of("minScore", 0), LIAISON), "territory");
        assertThat(targets).isNotEmpty().isSubsetOf(covered);

        var report = library.find("untouched-targets", LIAISON).orElseThrow();
        var territories = runner.choices(report, report.parameter("territory").orElseThrow(), LIAISON);
        assertThat(territories).extracting(ReportRunner.Choice::label).containsExactlyInAnyOrderElementsOf(covered);
        var all = runner.choices(report, report.parameter("territory").orElseThrow(), MANAGER);
        assertThat(all.size()).isGreaterThan(territories.size());
        var roi = library.find("outreach-roi", LIAISON).orElseThrow();
        assertThat(runner.choices(roi, roi.parameter("liaison").orElseThrow(), LIAISON))
                .extracting(ReportRunner.Choice::value).containsExactly("liaison1");
    }

    private Set<String> ids(String cypher) {
        var ids = new HashSet<String>();
        GraphFixtures.rows(driver, cypher, Map.of()).forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private static Set<Object> column(ReportResult result, String name) {
        int at = result.columns().indexOf(name);
        var values = new HashSet<Object>();
        result.rows().forEach(row -> values.add(row.get(at)));
        return values;
    }
}
