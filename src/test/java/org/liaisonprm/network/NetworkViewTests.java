package org.liaisonprm.network;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_text;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.location;
import static org.liaisonprm.KaribuUi.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.QueryParameters;
import elemental.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GeneratedDemoRegion;
import org.liaisonprm.KaribuUi;
import org.liaisonprm.demo.DemoProperties;
import org.liaisonprm.demo.DemoRegion;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The explorer on the demo region: the welcome page, deep links that restore filters, filters that go into the
 * address, unknown ids and bad links, and the side panel of a selected node for liaisons and viewers. The
 * broker is the planted independent cardiologist who sends procedures on to a competitor's hospital
 * (docs/demo-data.md, pattern 2).
 */
@DemoGraphTest
class NetworkViewTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoRegion region;

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @BeforeAll
    static void generateTheRegion(@Autowired DemoProperties demo) {
        region = GeneratedDemoRegion.of(demo);
    }

    private static String broker() {
        return region.planted().chainLeakageBrokerId();
    }

    private static String brokerName() {
        return region.physicians().stream().filter(p -> p.id().equals(broker())).findFirst().orElseThrow().name();
    }

    @Test
    void withoutAFocusItWelcomesAndOffersTheBusiestReferrers() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("network");

        var view = _get(NetworkView.class);
        assertThat(_get(view, H2.class).getText()).isEqualTo("Explore the referral network");
        assertThat(_find(view, Details.class)).as("no filters without a focus").isEmpty();
        var suggestions = _find(view, Button.class, spec -> spec.withPredicate(
                b -> b.getParent().map(p -> p.hasClassName("network-suggestions")).orElse(false)));
        assertThat(suggestions).hasSize(6);

        String first = suggestions.get(0).getText();
        _click(suggestions.get(0));
        var picture = picture();
        String focus = picture.path("focusId").asText();
        assertThat(location().getPathWithQueryParameters()).isEqualTo("network?focus=" + focus);
        JsonNode drawn = picture.path("nodes").get(0);
        assertThat(first).startsWith(drawn.path("name").asText() + " · ");
        assertThat(drawn.path("network").asText()).isIn("IN", "AFFILIATED");
    }

    @Test
    void aDeepLinkRestoresItsFiltersAndDrawsTheFocusWithThem() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("network", new QueryParameters(Map.of("focus", List.of(broker()),
                "hops", List.of("2"), "minReferrals", List.of("5"), "direction", List.of("out"),
                "layout", List.of("force"))));

        var view = _get(NetworkView.class);
        assertThat(_get(view, Select.class, spec -> spec.withId("filter-hops")).getValue()).isEqualTo(2);
        assertThat(_get(view, IntegerField.class, spec -> spec.withId("filter-min-referrals")).getValue()).isEqualTo(5);
        assertThat(_get(view, Select.class, spec -> spec.withId("filter-direction")).getValue()).isEqualTo("out");
        assertThat(_get(view, Select.class, spec -> spec.withId("filter-layout")).getValue()).isEqualTo("force");
        assertThat(_get(view, Details.class).isOpened()).as("the picture stays large").isFalse();
        assertThat(_get(view, Details.class).getSummaryText()).as("the closed filters say what the link set")
                .contains("2 hops");
        assertThat(graph().getElement().getProperty("layoutName")).isEqualTo("force");

        var picture = picture();
        assertThat(picture.path("focusId").asText()).isEqualTo(broker());
        assertThat(ids(picture)).as("he sends his procedures on to the competitor's hospital")
                .contains(region.planted().brokerHospitalId());
        assertThat(referrals(picture)).isNotEmpty().allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(get_text(_get(view, Span.class, spec -> spec.withClasses("network-summary"))))
                .startsWith(brokerName() + " · " + picture.path("nodes").size() + " nodes");
    }

    @Test
    void aFilterTheUserChangesGoesIntoTheAddressAndTheDrawing() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("network", QueryParameters.of("focus", broker()));
        var before = referrals(picture());
        assertThat(before).as("a plain link draws every flow").anySatisfy(n -> assertThat(n).isLessThan(20));

        _setValue(_get(IntegerField.class, spec -> spec.withId("filter-min-referrals")), 20);

        var address = location().getQueryParameters();
        assertThat(address.getSingleParameter("focus")).contains(broker());
        assertThat(address.getSingleParameter("minReferrals")).contains("20");
        assertThat(referrals(picture())).isNotEmpty().allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(20));
    }

    @Test
    void anUnknownIdIsNamedAndTheWelcomeShown() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("network", QueryParameters.of("focus", "no-such-provider"));

        assertThat(notifications()).contains("No physician, practice or facility has the id no-such-provider");
        assertThat(_get(_get(NetworkView.class), H2.class).getText()).isEqualTo("Explore the referral network");
    }

    @Test
    void aLinkThatDoesNotFitFallsBackToTheDefaults() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("network", new QueryParameters(Map.of("focus", List.of(broker()), "hops", List.of("7"))));

        assertThat(notifications()).anySatisfy(text -> assertThat(text).startsWith("The link does not fit: "));
        assertThat(_get(Select.class, spec -> spec.withId("filter-hops")).getValue()).isEqualTo(1);
        assertThat(picture().path("focusId").asText()).isEqualTo(broker());
    }

    @Test
    void aLiaisonSelectingAPhysicianMayLogAnInteractionButNotWithAFacility() {
        ui.signIn("liaison1", "LIAISON");
        UI.getCurrent().navigate("network", QueryParameters.of("focus", broker()));

        select(region.planted().brokerHospitalId());
        var details = detailsPanel();
        assertThat(_get(details, H3.class).getText()).isEqualTo(facilityName(region.planted().brokerHospitalId()));
        assertThat(_find(details, Button.class, spec -> spec.withClasses("details-log"))).isEmpty();
        assertThat(_find(details, Button.class, spec -> spec.withText("Focus here"))).hasSize(1);

        select(broker());
        assertThat(_get(detailsPanel(), H3.class).getText()).isEqualTo(brokerName());
        _click(_get(detailsPanel(), Button.class, spec -> spec.withClasses("details-log")));
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Log interaction with " + brokerName());
    }

    @Test
    void aViewerSeesTheDetailsButNoOutreachAction() {
        ui.signIn("viewer", "VIEWER");
        UI.getCurrent().navigate("network", QueryParameters.of("focus", broker()));

        select(broker());
        var details = detailsPanel();
        assertThat(_get(details, H3.class).getText()).isEqualTo(brokerName());
        assertThat(_find(details, Button.class, spec -> spec.withClasses("details-profile"))).hasSize(1);
        assertThat(_find(details, Button.class, spec -> spec.withClasses("details-log"))).isEmpty();
    }

    @Test
    void twoHopsStartGroupedAGroupOpensAndClosesAndTheFlowViewAddsUp() throws Exception {
        ui.signIn("admin", "ADMIN");
        UI.getCurrent().navigate("network", QueryParameters.of("focus", broker()).merging("hops", "2"));

        var grouped = picture();
        var groups = new ArrayList<JsonNode>();
        grouped.path("nodes").forEach(n -> {
            if (n.path("kind").asText().equals("GROUP")) {
                groups.add(n);
            }
        });
        assertThat(groups).as("a two-hop picture starts grouped by health system").isNotEmpty();
        var group = groups.get(0);
        select(group.path("id").asText());
        assertThat(get_text(_get(detailsPanel(), H3.class))).isEqualTo(group.path("name").asText());

        // opened from the details panel: its members are drawn instead, and the close button takes it back
        _click(_get(detailsPanel(), Button.class, spec -> spec.withClasses("details-open-group")));
        var opened = picture();
        assertThat(ids(opened)).doesNotContain(group.path("id").asText());
        assertThat(opened.path("nodes").size()).isEqualTo(grouped.path("nodes").size() - 1
                + group.path("members").asInt());
        assertThat(graph().getElement().getProperty("incremental", false)).as("opened in place").isTrue();
        _click(_get(Button.class, spec -> spec.withClasses("group-close")));
        assertThat(picture()).isEqualTo(grouped);

        // the flow view's bands hold every referral of the picture
        UI.getCurrent().navigate("network", QueryParameters.of("focus", broker()).merging("hops", "2")
                .merging("view", "flow"));
        var flows = JSON.readTree(_get(LeakageFlowChart.class).getElement().getProperty("flows"));
        long bands = 0;
        for (JsonNode band : flows.path("bands")) {
            bands += band.path("referrals").asLong();
        }
        assertThat(bands).isEqualTo(flows.path("referrals").asLong());
        String summary = get_text(_get(Span.class, spec -> spec.withClasses("network-summary")));
        assertThat(summary).contains("(%,d referrals)".formatted(bands));
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("network-flow-summary"))
                .getElement().getTextRecursively()).contains("Top destinations of leakage");
    }

    private static String facilityName(String id) {
        return region.facilities().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().name();
    }

    /** The drawing of the referral network, found by its tag. */
    private static Component graph() {
        return _get(_get(NetworkView.class), Component.class,
                spec -> spec.withPredicate(c -> c.getElement().getTag().equals("liaison-referral-network")));
    }

    /** What the drawing was given: the picture as JSON. */
    private static JsonNode picture() {
        try {
            return JSON.readTree(graph().getElement().getProperty("picture"));
        } catch (Exception e) {
            throw new AssertionError("the drawing holds no picture", e);
        }
    }

    private static List<String> ids(JsonNode picture) {
        var ids = new ArrayList<String>();
        picture.path("nodes").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    /** The referrals of each drawn referral flow. */
    private static List<Long> referrals(JsonNode picture) {
        var referrals = new ArrayList<Long>();
        picture.path("edges").forEach(e -> {
            if (e.path("type").asText().equals("REFERRED")) {
                referrals.add(e.path("referrals").asLong());
            }
        });
        return referrals;
    }

    /** A click on a node of the drawing, as its web component reports it. */
    private static void select(String id) {
        var detail = Json.createObject();
        detail.put("event.detail.id", id);
        _fireDomEvent(graph(), "node-select", detail);
    }

    private static Component detailsPanel() {
        return _get(_get(NetworkView.class), Component.class, spec -> spec.withClasses("network-details"));
    }

}
