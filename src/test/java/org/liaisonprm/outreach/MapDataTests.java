package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the outreach map is sent when territories, practices, facilities and stops carry names that are
 * HTML: the tooltips, the only text the map shows as HTML, are built here with every name escaped.
 */
@EmptyGraphTest
class MapDataTests {

    private static final String TERRITORY = "<img src=x onerror=alert(1)>";
    private static final String PRACTICE = "<b onmouseover=alert(2)>Practice</b>";
    private static final String FACILITY = "Hospital & <i>Co</i>";
    private static final String CITY = "<svg onload=alert(3)>";
    private static final String STOP = "<script>alert(4)</script>";
    private static final CurrentUser MANAGER = CurrentUser.of("map-manager", Role.MANAGER);

    @Autowired
    Driver driver;

    @Autowired
    Territories territories;

    @Autowired
    MapData maps;

    @BeforeEach
    void graph() {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, "MATCH (t:Territory) DETACH DELETE t");
        GraphFixtures.run(driver, """
                CREATE (:Practice {id: 'MP', name: $practice, zip: '02169', city: $city, lat: 42.25, lon: -71.0, network: 'IN'}),
                       (:Facility {id: 'MF', name: $facility, zip: '02169', city: 'Quincy', type: 'HOSPITAL', lat: 42.26,
                                   lon: -71.01, network: 'OUT'})
                """, java.util.Map.of("practice", PRACTICE, "facility", FACILITY, "city", CITY));
    }

    @Test
    void tooltipsAreBuiltWithEveryNameEscaped() throws Exception {
        var territory = territories.save(null, TERRITORY, "02169", List.of(), MANAGER);
        var plan = new VisitPlan("map-plan", "map-manager", LocalDate.of(2026, 3, 16), "02169", 42.25, -71.0,
                List.of(new VisitPlan.Stop(1, "1234567893", STOP, "Physician", null, null, "Quincy", "02169", 42.25,
                        -71.0, "address", LocalDateTime.of(2026, 3, 16, 9, 0), false, null, false)), 1.0);
        var map = new OutreachMap();
        map.show(maps.map(List.of(territory), MapData.ColourBy.SEGMENT, MapData.route(plan)));

        // what the browser receives
        JsonNode data = new ObjectMapper().readTree(map.getElement().getProperty("data"));
        assertThat(data.path("territories").get(0).path("tooltip").asText())
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        JsonNode practice = place(data, "MP");
        assertThat(practice.path("tooltip").asText())
                .startsWith("&lt;b onmouseover=alert(2)&gt;Practice&lt;/b&gt;<br>&lt;svg onload=alert(3)&gt; · in network · ");
        assertThat(place(data, "MF").path("tooltip").asText())
                .isEqualTo("Hospital &amp; &lt;i&gt;Co&lt;/i&gt;<br>Quincy · Hospital · out of network");
        assertThat(data.path("route").path("stops").get(0).path("tooltip").asText())
                .isEqualTo("1. &lt;script&gt;alert(4)&lt;/script&gt;");

        // the names themselves go as plain text, and no tooltip holds markup other than the line break
        assertThat(data.path("territories").get(0).path("name").asText()).isEqualTo(TERRITORY);
        for (JsonNode tooltip : data.findValues("tooltip")) {
            assertThat(tooltip.asText().replace("<br>", "")).doesNotContain("<").doesNotContain(">");
        }
    }

    /** The element binds tooltips from the server's HTML only, never from a name. */
    @Test
    void theMapElementBindsOnlyServerBuiltTooltips() throws Exception {
        String source = Files.readString(Path.of("frontend/components/outreach-map.ts"));
        var bound = Pattern.compile("bindTooltip\\(([^,)]*)").matcher(source);
        int count = 0;
        while (bound.find()) {
            count++;
            assertThat(bound.group(1).strip()).matches("[a-z]+\\.tooltip|'[^'<]*'");
        }
        assertThat(count).isGreaterThanOrEqualTo(4);
        assertThat(source).doesNotContain("innerHTML").doesNotContain("unsafeHTML");
    }

    private static JsonNode place(JsonNode data, String id) {
        for (JsonNode place : data.path("places")) {
            if (place.path("id").asText().equals(id)) {
                return place;
            }
        }
        throw new AssertionError("no place " + id + " in " + data);
    }
}
