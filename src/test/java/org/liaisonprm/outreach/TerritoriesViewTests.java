package org.liaisonprm.outreach;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import elemental.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Territories on the demo region, for a manager: the five demo territories and who covers them, a territory
 * made from pasted ZIP codes and deleted again, a malformed ZIP code, and ZIP codes picked on the map.
 */
@DemoGraphTest
class TerritoriesViewTests {

    private static DemoRegion region;

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @BeforeAll
    static void generateTheRegion(@Autowired DemoProperties demo) {
        region = GeneratedDemoRegion.of(demo);
    }

    @Autowired
    Driver driver;

    @BeforeEach
    void signInAManager() {
        ui.signIn("manager", "MANAGER");
        UI.getCurrent().navigate("territories");
    }

    /** Other views count five territories: one made here goes, even when its test fails half-way. */
    @AfterEach
    void removeTheTerritoriesMadeHere() {
        GraphFixtures.run(driver, "MATCH (t:Territory) WHERE t.name STARTS WITH 'Karibu ' DETACH DELETE t");
    }

    @Test
    void theDemoTerritoriesAreListedWithTheirLiaisonsAndPhysicians() {
        var territories = _findAll(grid());
        assertThat(territories).extracting(Territory::name).containsExactlyInAnyOrder("South Shore", "North Shore",
                "Metro North", "Boston & Brookline", "MetroWest");
        var southShore = territories.stream().filter(t -> t.id().equals("south-shore")).findFirst().orElseThrow();
        assertThat(_getFormattedRow(grid(), territories.indexOf(southShore)).subList(0, 3)).containsExactly(
                "South Shore", "Lee Okafor (liaison)", String.valueOf(TargetsViewTests.physiciansIn(region, TargetsViewTests.SOUTH_SHORE).size()));
        assertThat(territories).filteredOn(t -> t.liaisons().contains("liaison4")).extracting(Territory::name)
                .containsExactlyInAnyOrder("Boston & Brookline", "MetroWest");
    }

    @Test
    void aTerritoryMadeOfPastedZipCodesIsSavedAndDeleted() {
        String dedham = zipOf("Dedham");
        String needham = zipOf("Needham");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Karibu corridor");
        _setValue(zips(), dedham + ",\n" + needham);
        _click(_get(Button.class, spec -> spec.withClasses("territory-save")));

        var saved = _findAll(grid()).stream().filter(t -> t.name().equals("Karibu corridor")).findFirst().orElseThrow();
        assertThat(saved.zips()).containsExactly(dedham, needham);
        assertThat(saved.physicians()).isEqualTo(TargetsViewTests.physiciansIn(region, Set.of("Dedham", "Needham")).size());
        assertThat(_get(H3.class).getText()).as("the saved territory stays open").isEqualTo("Change Karibu corridor");

        _click(_get(Button.class, spec -> spec.withText("Delete")));
        var confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        assertThat(_findAll(grid())).hasSize(5).noneSatisfy(t -> assertThat(t.name()).isEqualTo("Karibu corridor"));
    }

    @Test
    void aMalformedZipCodeIsQuotedAndNothingSaved() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Karibu typo");
        _setValue(zips(), zipOf("Dedham") + " 0216");
        _click(_get(Button.class, spec -> spec.withClasses("territory-save")));

        assertThat(_get(Span.class, spec -> spec.withClasses("territory-error")).getText())
                .isEqualTo("'0216' is not a 5-digit ZIP code");
        assertThat(_findAll(grid())).hasSize(5);
    }

    @Test
    void clickingAPracticeOnTheMapAddsItsZipCodeAndClickingAgainTakesItOut() {
        grid().select(_findAll(grid()).stream().filter(t -> t.id().equals("north-shore")).findFirst().orElseThrow());
        var before = List.of(zips().getValue().split(" "));
        String dedham = zipOf("Dedham");

        clickAPlaceOnTheMap(dedham);
        assertThat(zips().getValue().split(" ")).endsWith(dedham).hasSize(before.size() + 1);
        clickAPlaceOnTheMap(dedham);
        assertThat(zips().getValue().split(" ")).containsExactlyElementsOf(before);
    }

    @Test
    void liaisonsDoNotEditTerritories() {
        ui.signIn("liaison1", "LIAISON");
        KaribuUi.assertDenied("territories");
    }

    private static String zipOf(String town) {
        return region.physicians().stream().filter(p -> p.city().equals(town)).findFirst().orElseThrow().zip();
    }

    /** A click on a place of the map, as its web component reports it. */
    private static void clickAPlaceOnTheMap(String zip) {
        var map = _get(Component.class, spec -> spec.withPredicate(c -> c.getElement().getTag().equals("liaison-outreach-map")));
        var detail = Json.createObject();
        detail.put("event.detail.id", "a-practice");
        detail.put("event.detail.link", "practices/a-practice");
        detail.put("event.detail.zip", zip);
        _fireDomEvent(map, "place-click", detail);
    }

    private static TextArea zips() {
        return _get(TextArea.class, spec -> spec.withLabel("ZIP codes"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Territory> grid() {
        return _get(Grid.class, spec -> spec.withClasses("territories-grid"));
    }
}
