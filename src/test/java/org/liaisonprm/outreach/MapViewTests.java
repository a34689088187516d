package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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
 * The territory map on the demo region: a liaison's one territory with its practices, this week's route, and
 * the colouring by segment or network; the whole team's five territories for a manager.
 */
@DemoGraphTest
class MapViewTests {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aLiaisonSeesTheirTerritorysPracticesAndThisWeeksRoute() {
        var practices = region.practices().stream().filter(p -> TargetsViewTests.SOUTH_SHORE.contains(p.city()))
                .map(DemoRegion.PracticeRow::id).toList();
        long stops = GraphFixtures.count(driver, """
                MATCH (:User {username: 'liaison1'})-[:PLANS]->(:VisitPlan {weekStart: $week})-[s:STOP]->()
                RETURN count(s)
                """, Map.of("week", VisitPlans.weekOf(LocalDate.now())));
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("map");

        assertThat(_get(Span.class, spec -> spec.withClasses("report-summary")).getText())
                .isEqualTo("1 territory · this week's route: " + stops + " visits");
        var data = mapData();
        assertThat(texts(data.path("territories"), "name")).containsExactly("South Shore");
        var shown = new ArrayList<String>();
        data.path("places").forEach(p -> {
            if (p.path("kind").asText().equals("Practice")) {
                shown.add(p.path("id").asText());
            }
        });
        assertThat(shown).containsExactlyInAnyOrderElementsOf(practices);
        assertThat(data.path("route").path("stops").size()).isEqualTo((int) stops);
    }

    @Test
    void practicesAreColouredBySegmentOrByNetwork() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("map");
        assertThat(texts(mapData().path("legend"), "label")).contains("Splitter", "Loyalist", "In network");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<MapData.ColourBy> colour = _get(RadioButtonGroup.class, spec -> spec.withLabel("Colour practices by"));
        _setValue(colour, MapData.ColourBy.NETWORK);
        assertThat(texts(mapData().path("legend"), "label")).containsExactly("In network", "Affiliated", "Out of network");
    }

    @Test
    void aManagerSeesEveryTerritory() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("map");

        assertThat(texts(mapData().path("territories"), "name")).containsExactlyInAnyOrder("South Shore", "North Shore",
                "Metro North", "Boston & Brookline", "MetroWest");
        assertThat(_get(Span.class, spec -> spec.withClasses("report-summary")).getText()).startsWith("5 territories · ");
    }

    @Test
    void viewersHaveNoMap() {
        ui.signIn("viewer", "VIEWER");
        KaribuUi.assertDenied("map");
    }

    /** What the map was given to draw. */
    private static JsonNode mapData() {
        var map = _get(Component.class, spec -> spec.withPredicate(c -> c.getElement().getTag().equals("liaison-outreach-map")));
        try {
            return JSON.readTree(map.getElement().getProperty("data"));
        } catch (Exception e) {
            throw new AssertionError("the map holds no data", e);
        }
    }

    private static List<String> texts(JsonNode items, String field) {
        var texts = new ArrayList<String>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }
}
