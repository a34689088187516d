package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Saved reports: who sees and changes them, their versions, and that their Cypher is always guarded.
 */
@EmptyGraphTest
class SavedReportTests {

    private static final CurrentUser ANA = CurrentUser.of("ana", Role.ANALYST);
    private static final CurrentUser BEN = CurrentUser.of("ben", Role.ANALYST);
    private static final CurrentUser LEE = CurrentUser.of("lee", Role.LIAISON);
    private static final CurrentUser ADMIN = CurrentUser.of("admin", Role.ADMIN);

    private static final String CARDIOLOGISTS_BY_CITY = """
            // @title Cardiologists by city
            // @description How many cardiologists practise in each city.
            // @category Market
            // @view bar
            // @param minimum: int = 1
            MATCH (p:Physician {serviceLine: 'Cardiology'})
            WITH p.city AS city, count(*) AS cardiologists
            WHERE cardiologists >= $minimum
            RETURN city, cardiologists ORDER BY cardiologists DESC, city
            """;

    @Autowired
    Driver driver;

    @Autowired
    SavedReports saved;

    @Autowired
    ReportLibrary library;

    @BeforeEach
    void graph() {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, "MATCH (n) WHERE n:SavedReport OR n:SavedReportVersion DETACH DELETE n");
        GraphFixtures.run(driver, """
                UNWIND [['c1', 'Quincy'], ['c2', 'Quincy'], ['c3', 'Boston'], ['o1', 'Boston']] AS row
                CREATE (:Physician {id: row[0], name: row[0], city: row[1],
                                    serviceLine: CASE WHEN row[0] STARTS WITH 'c' THEN 'Cardiology' ELSE 'Orthopedics' END})
                """);
    }

    @Test
    void aSavedReportRunsWithItsParametersBesideTheBuiltInOnes() {
        var report = saved.create(CARDIOLOGISTS_BY_CITY, false, ANA);
        assertThat(report.id()).isEqualTo("cardiologists-by-city");
        assertThat(report.saved().owner()).isEqualTo("ana");
        assertThat(report.saved().version()).isEqualTo(1);
        assertThat(report.view()).isEqualTo(ReportDefinition.View.BAR);

        assertThat(library.all(ANA)).extracting(ReportDefinition::id)
                .contains("leakage-by-service-line", "cardiologists-by-city");
        assertThat(library.run("cardiologists-by-city", Map.of(), ANA).rows())
                .containsExactly(List.of("Quincy", 2L), List.of("Boston", 1L));
        assertThat(library.run("cardiologists-by-city", Map.of("minimum", "2"), ANA).rows())
                .containsExactly(List.of("Quincy", 2L));
        assertThatThrownBy(() -> library.run("cardiologists-by-city", Map.of("minimum", "many"), ANA))
                .isInstanceOf(ReportParameterException.class).hasMessageStartingWith("minimum:");
    }

    @Test
    void privateReportsAreTheirOwnersAndSharedOnesEveryones() {
        saved.create(CARDIOLOGISTS_BY_CITY, false, ANA);
        assertThat(library.find("cardiologists-by-city", BEN)).isEmpty();
        assertThat(library.find("cardiologists-by-city", LEE)).isEmpty();
        assertThat(library.find("cardiologists-by-city", ADMIN)).isPresent();
        assertThatThrownBy(() -> library.run("cardiologists-by-city", Map.of(), BEN))
                .isInstanceOf(NoSuchElementException.class);

        saved.update("cardiologists-by-city", CARDIOLOGISTS_BY_CITY, true, ANA);
        assertThat(library.find("cardiologists-by-city", LEE)).isPresent();
        assertThat(library.run("cardiologists-by-city", Map.of(), LEE).rows()).hasSize(2);

        assertThatThrownBy(() -> saved.update("cardiologists-by-city", CARDIOLOGISTS_BY_CITY, false, BEN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> saved.delete("cardiologists-by-city", LEE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> saved.create(CARDIOLOGISTS_BY_CITY, true, LEE))
                .isInstanceOf(AccessDeniedException.class);
        saved.delete("cardiologists-by-city", ADMIN);
        assertThat(library.find("cardiologists-by-city", ANA)).isEmpty();
        assertThat(GraphFixtures.count(driver, "MATCH (n) WHERE n:SavedReport OR n:SavedReportVersion RETURN count(n)"))
                .isZero();
    }

    @Test
    void everyChangeKeepsThePreviousVersion() {
        saved.create(CARDIOLOGISTS_BY_CITY, false, ANA);
        String renamed = CARDIOLOGISTS_BY_CITY.replace("@title Cardiologists by city", "@title Cardiology by town");
        var second = saved.update("cardiologists-by-city", renamed, false, ANA);
        assertThat(second.title()).isEqualTo("Cardiology by town");
        assertThat(second.id()).as("the id stays, so links keep working").isEqualTo("cardiologists-by-city");
        assertThat(second.saved().version()).isEqualTo(2);
        var third = saved.update("cardiologists-by-city", renamed.replace("= 1", "= 2"), false, ADMIN);
        assertThat(third.saved().updatedBy()).isEqualTo("admin");
        assertThat(third.saved().owner()).isEqualTo("ana");

        var versions = saved.versions("cardiologists-by-city", ANA);
        assertThat(versions).extracting(SavedReports.Version::version).containsExactly(2, 1);
        assertThat(versions).extracting(SavedReports.Version::title)
                .containsExactly("Cardiology by town", "Cardiologists by city");
        assertThat(versions.get(1).source()).isEqualTo(CARDIOLOGISTS_BY_CITY);

        var restored = saved.restore("cardiologists-by-city", 1, ANA);
        assertThat(restored.title()).isEqualTo("Cardiologists by city");
        assertThat(restored.saved().version()).isEqualTo(4);
        assertThat(saved.versions("cardiologists-by-city", ANA)).hasSize(3);
    }

    @Test
    void savedIdsNeverTakeABuiltInOrAnotherSavedId() {
        String sameTitle = CARDIOLOGISTS_BY_CITY.replace("Cardiologists by city", "Leakage by service line");
        assertThat(saved.create(sameTitle, false, ANA).id()).isEqualTo("leakage-by-service-line-2");
        assertThat(saved.create(sameTitle, false, BEN).id()).isEqualTo("leakage-by-service-line-3");
        assertThat(library.find("leakage-by-service-line", ANA).orElseThrow().isSaved()).isFalse();
        String accents = CARDIOLOGISTS_BY_CITY.replace("Cardiologists by city", "Référents — Québec & Montréal!");
        assertThat(saved.create(accents, false, ANA).id()).isEqualTo("referents-quebec-montreal");
    }

    @Test
    void writesAreRefusedWhenSavingAndWhenRunning() {
        for (String write : List.of(
                "// @title Wipe\nMATCH (n) DETACH DELETE n",
                "// @title Sneaky\nMATCH (p:Physician) SET p.name = 'x' RETURN p",
                "// @title Choices\n// @param city: string\n// @choices city: CREATE (c:City) RETURN c\nRETURN $city",
                "// @title Two\nMATCH (n) RETURN n; MATCH (n) DETACH DELETE n")) {
            assertThatThrownBy(() -> saved.create(write, true, ANA)).as(write)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(GraphFixtures.count(driver, "MATCH (n:SavedReport) RETURN count(n)")).isZero();

        // a report edited straight in the database is still guarded when it runs
        GraphFixtures.run(driver, """
                CREATE (:SavedReport {id: 'tampered', title: 'Tampered', category: 'Saved', owner: 'ana', shared: true,
                                      version: 1, source: '// @title Tampered\nMATCH (p:Physician) DETACH DELETE p'})
                """);
        assertThatThrownBy(() -> library.run("tampered", Map.of(), LEE)).isInstanceOf(QueryRefusedException.class);
        assertThat(GraphFixtures.count(driver, "MATCH (p:Physician) RETURN count(p)")).isEqualTo(4);
    }

    @Test
    void aReportThatDoesNotReadSaysWhereAndWhy() {
        assertThatThrownBy(() -> saved.create("// @title Bad\n// @param n: money\nRETURN $n", false, ANA))
                .isInstanceOf(ReportFile.ReportFileException.class)
                .hasMessageStartingWith("the report, line 2: parameter n:");
        assertThatThrownBy(() -> saved.create("MATCH (n) RETURN n", false, ANA))
                .hasMessage("the report: @title is missing");
    }

    @Test
    void theHeaderIsRewrittenAndTheRestKept() {
        String text = ReportFile.withHeader(CARDIOLOGISTS_BY_CITY, "By town", "Line one\nLine two", "Market",
                ReportDefinition.View.TABLE);
        var report = ReportFile.parse("x", text);
        assertThat(report.title()).isEqualTo("By town");
        assertThat(report.description()).isEqualTo("Line one Line two");
        assertThat(report.view()).isEqualTo(ReportDefinition.View.TABLE);
        assertThat(report.parameters()).extracting(ReportParameter::name).containsExactly("minimum");
        assertThat(text).containsOnlyOnce("@title").containsOnlyOnce("@view").endsWith("ORDER BY cardiologists DESC, city\n");
    }
}
