package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.location;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.KaribuUi;
import org.liaisonprm.demo.DemoProperties;
import org.liaisonprm.demo.DemoRegion;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Home on the demo region: a liaison's week (liaison3 covers Metro North; liaison2 has this week planned), the
 * team's figures for a manager, and the explorer for everyone who does no outreach.
 */
@DemoGraphTest
class HomeViewTests {

    private static final Set<String> METRO_NORTH = Set.of("Cambridge", "Somerville", "Medford", "Malden", "Everett",
            "Arlington", "Woburn", "Burlington", "Lexington");

    /** The goals the demo region sets (docs/demo-data.md, "Outreach"). */
    private static final List<String> TEAM_GOALS = List.of("Team kept referrals, Orthopedics",
            "Team kept referrals, Cardiology", "Physicians reached this quarter");

    private static DemoRegion region;

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    Driver driver;

    @BeforeAll
    static void generateTheRegion(@Autowired DemoProperties demo) {
        region = GeneratedDemoRegion.of(demo);
    }

    @Test
    void aLiaisonsWeekCountsTheirOwnInteractionsAndShowsTheirTerritorysTargets() {
        LocalDate today = LocalDate.now();
        long thisWeek = interactionsSince("liaison3", today.with(DayOfWeek.MONDAY));
        long thisMonth = interactionsSince("liaison3", today.withDayOfMonth(1));
        ui.signIn("liaison3", "LIAISON");
        UI.getCurrent().navigate("");

        assertThat(_get(H2.class).getText()).isEqualTo("My week");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Jordan Alvarez (liaison) · "));
        assertThat(figure("home-week-interactions")).isEqualTo(String.valueOf(thisWeek));
        assertThat(figure("home-month-interactions")).isEqualTo(String.valueOf(thisMonth));
        assertThat(figure("home-plan")).isEqualTo("0 / 0");

        var targets = section("home-targets");
        var links = _find(targets, Anchor.class);
        assertThat(links).hasSizeBetween(2, 7);
        assertThat(links.subList(0, links.size() - 1)).extracting(a -> a.getHref().replace("physicians/", ""))
                .isSubsetOf(TargetsViewTests.physiciansIn(region, METRO_NORTH));
        assertThat(links.get(links.size() - 1).getHref()).isEqualTo("targets");
    }

    @Test
    void aLiaisonSeesTheTeamsGoalsAndTheirOwnButNotOtherTerritories() {
        ui.signIn("liaison3", "LIAISON");
        UI.getCurrent().navigate("");

        var goals = _find(section("home-goals"), Span.class, spec -> spec.withClasses("goal-label")).stream()
                .map(Span::getText).toList();
        assertThat(goals).contains("Interactions this quarter · Jordan Alvarez (liaison)");
        assertThat(goals).anySatisfy(g -> assertThat(g).startsWith(TEAM_GOALS.get(0)));
        assertThat(goals).noneSatisfy(g -> assertThat(g).contains("South Shore"))
                .noneSatisfy(g -> assertThat(g).contains("North Shore"))
                .noneSatisfy(g -> assertThat(g).contains("Lee Okafor"));
    }

    @Test
    void aLiaisonWithAPlanSeesItsStops() {
        var stops = GraphFixtures.rows(driver, """
                MATCH (:User {username: 'liaison2'})-[:PLANS]->(:VisitPlan {weekStart: $week})-[s:STOP]->(x)
                RETURN x.name AS name, s.done AS done
                """, Map.of("week", VisitPlans.weekOf(LocalDate.now())));
        ui.signIn("liaison2", "LIAISON");
        UI.getCurrent().navigate("");

        long done = stops.stream().filter(r -> r.get("done").asBoolean(false)).count();
        assertThat(figure("home-plan")).isEqualTo(done + " / " + stops.size());
        String plan = get_textRecursively(section("home-plan-list"));
        assertThat(stops).isNotEmpty().allSatisfy(stop -> assertThat(plan).contains(stop.get("name").asString()));
    }

    @Test
    void aManagerSeesTheTeamAndEveryGoal() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("");

        assertThat(_get(H2.class).getText()).isEqualTo("Team");
        assertThat(figure("home-team-territories")).isEqualTo("5");
        var goals = _find(section("home-team-goals"), Span.class, spec -> spec.withClasses("goal-label")).stream()
                .map(Span::getText).toList();
        assertThat(goals).contains("South Shore · South Shore orthopedic leakage", "North Shore · North Shore kept referrals",
                "Lee Okafor (liaison) · Interactions this quarter", "The team · Physicians reached this quarter");
        assertThat(_find(H3.class, spec -> spec.withText("Did outreach move referrals?"))).hasSize(1);
    }

    @Test
    void analystsAndViewersGoOnToTheExplorer() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("");

        assertThat(location().getPath()).isEqualTo("network");
        assertThat(_find(H2.class, spec -> spec.withText("My week"))).isEmpty();
    }

    private long interactionsSince(String username, LocalDate since) {
        return GraphFixtures.count(driver, """
                MATCH (:User {username: $username})-[:LOGGED]->(i:Interaction) WHERE i.date >= $since RETURN count(i)
                """, Map.of("username", username, "since", since));
    }

    private static Component section(String className) {
        return _get(Component.class, spec -> spec.withClasses(className));
    }

    private static String figure(String className) {
        return _get(section(className), Span.class, spec -> spec.withClasses("profile-figure-value")).getText();
    }
}
