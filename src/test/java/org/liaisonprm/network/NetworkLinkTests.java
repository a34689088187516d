package org.liaisonprm.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;

/** The explorer's address read and written, without the application. */
class NetworkLinkTests {

    /** June 2025 through May 2026, as the default period is when the data ends with May 2026. */
    private static final NetworkService.Period PERIOD =
            new NetworkService.Period(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1));

    private static NetworkLink.Read read(String query) {
        return NetworkLink.parse(QueryParameters.fromString(query), PERIOD).orElseThrow();
    }

    @Test
    void anAddressWithoutAFocusDrawsNothing() {
        assertThat(NetworkLink.parse(QueryParameters.empty(), PERIOD)).isEmpty();
        assertThat(NetworkLink.parse(QueryParameters.fromString("focus=&hops=2"), PERIOD)).isEmpty();
        assertThat(NetworkLink.parse(QueryParameters.of("focus", "  "), PERIOD)).isEmpty();
    }

    @Test
    void aPlainFocusGetsTheDefaultsAndKeepsTheFiltersClosed() {
        var read = NetworkLink.parse(QueryParameters.of("focus", " 1234567893 "), PERIOD).orElseThrow();
        assertThat(read.problem()).isEmpty();
        assertThat(read.setsFilters()).isFalse();
        assertThat(read.request()).isEqualTo(Neighbourhood.around("1234567893", PERIOD.from(), PERIOD.to()));
        assertThat(read.link()).isEqualTo(new NetworkLink("1234567893", 1, Set.of(), YearMonth.of(2025, 6),
                YearMonth.of(2026, 5), 1, "both", Set.of(), "network", "concentric", "volume", ""));
    }

    @Test
    void everyFilterIsRead() {
        var read = read("focus=D&hops=2&serviceLine=Cardiology,%20Orthopedics&serviceLine=Cardiology&from=2026-01"
                + "&to=2026-03&minReferrals=3&direction=Out&network=out,IN&colorBy=community&layout=force"
                + "&sizeBy=influence&highlight=referral-brokers");
        assertThat(read.problem()).isEmpty();
        assertThat(read.setsFilters()).isTrue();
        var request = read.request();
        assertThat(request.serviceLines()).containsExactly("Cardiology", "Orthopedics");
        assertThat(request.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(request.to()).as("to is the last month drawn").isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(request.direction()).isEqualTo(Neighbourhood.Direction.OUT);
        assertThat(request.networks()).containsExactlyInAnyOrder("OUT", "IN");
        assertThat(request.communities()).isTrue();
        assertThat(request.perNode()).isEqualTo(Neighbourhood.DEFAULT_PER_NODE);
        assertThat(request.maxNodes()).isEqualTo(Neighbourhood.DEFAULT_CAP);
        assertThat(read.link()).isEqualTo(new NetworkLink("D", 2, Set.of("Cardiology", "Orthopedics"),
                YearMonth.of(2026, 1), YearMonth.of(2026, 3), 3, "out", Set.of("IN", "OUT"), "community", "force",
                "influence", "referral-brokers"));
    }

    @Test
    void referralFiltersThatDoNotFitAllFallBackToTheDefaultsSayingWhy() {
        var read = read("focus=D&hops=3&serviceLine=Cardiology&minReferrals=4&colorBy=community&layout=hierarchy");
        assertThat(read.problem()).contains("hops: 1 or 2, not 3");
        assertThat(read.request()).as("no communities either").isEqualTo(Neighbourhood.around("D", PERIOD.from(),
                PERIOD.to()));
        assertThat(read.link().serviceLines()).isEmpty();
        assertThat(read.link().minReferrals()).isEqualTo(1);
        assertThat(read.link().colorBy()).as("the colouring is read on its own").isEqualTo("community");
        assertThat(read.link().layout()).isEqualTo("hierarchy");

        assertThat(read("focus=D&hops=two").problem()).contains("For input string: \"two\"");
        assertThat(read("focus=D&minReferrals=many").problem()).contains("For input string: \"many\"");
        assertThat(read("focus=D&minReferrals=-1").problem()).contains("minReferrals: must not be negative");
        assertThat(read("focus=D&from=2026-13").problem()).contains("from: a month written YYYY-MM, not '2026-13'");
        assertThat(read("focus=D&from=2026-04&to=2026-02").problem()).contains("from: must come before to");
        assertThat(read("focus=D&from=2026-07").problem()).as("after the default end")
                .contains("from: must come before to");
        assertThat(read("focus=D&direction=sideways").problem())
                .contains("direction: in, out or both, not 'sideways'");
        assertThat(read("focus=D&network=IN,nowhere").problem())
                .contains("network: IN, AFFILIATED or OUT, not NOWHERE");
    }

    @Test
    void unknownViewChoicesFallBackToTheirOwnDefaults() {
        var read = read("focus=D&hops=2&colorBy=rainbow&layout=spiral&sizeBy=fame&highlight=no-such-report");
        assertThat(read.problem()).isEmpty();
        assertThat(read.link().hops()).isEqualTo(2);
        assertThat(read.link().colorBy()).isEqualTo("network");
        assertThat(read.link().layout()).isEqualTo("concentric");
        assertThat(read.link().sizeBy()).isEqualTo("volume");
        assertThat(read.link().highlight()).isEmpty();
        assertThat(read("focus=D&colorBy=rainbow").request().communities()).isFalse();
        assertThat(read("focus=D&colorBy=Community").request().communities()).as("exactly 'community'").isFalse();
    }

    @Test
    void onlyWhatDiffersFromTheDefaultsIsWritten() {
        var defaults = new NetworkLink("D", 1, Set.of(), YearMonth.of(2026, 1), YearMonth.of(2026, 3), 1, "both",
                Set.of(), "network", "concentric", "volume", "");
        assertThat(defaults.toQueryParameters().getParameters()).isEqualTo(Map.of("focus", List.of("D"),
                "hops", List.of("1"), "from", List.of("2026-01"), "to", List.of("2026-03")));
        var noMonths = new NetworkLink("D", 1, null, null, null, 0, null, null, null, null, null, null);
        assertThat(noMonths.toQueryParameters().getParameters()).isEqualTo(Map.of("focus", List.of("D"),
                "hops", List.of("1")));
        var everything = new NetworkLink("D", 2, new LinkedHashSet<>(List.of("Orthopedics", "Cardiology")),
                YearMonth.of(2026, 1), YearMonth.of(2026, 3), 5, "in", Set.of("AFFILIATED"), "system", "hierarchy",
                "influence", "lost-referrers");
        assertThat(everything.toQueryParameters().getParameters()).isEqualTo(Map.ofEntries(
                Map.entry("focus", List.of("D")), Map.entry("hops", List.of("2")),
                Map.entry("serviceLine", List.of("Orthopedics,Cardiology")),
                Map.entry("from", List.of("2026-01")), Map.entry("to", List.of("2026-03")),
                Map.entry("minReferrals", List.of("5")), Map.entry("direction", List.of("in")),
                Map.entry("network", List.of("AFFILIATED")), Map.entry("colorBy", List.of("system")),
                Map.entry("layout", List.of("hierarchy")), Map.entry("sizeBy", List.of("influence")),
                Map.entry("highlight", List.of("lost-referrers"))));
    }

    @Test
    void anAddressReadsBackAsItWasWritten() {
        for (var link : List.of(
                new NetworkLink("D", 1, Set.of(), YearMonth.of(2025, 6), YearMonth.of(2026, 5), 1, "both", Set.of(),
                        "network", "concentric", "volume", ""),
                new NetworkLink("1234567893", 2, Set.of("Cardiology", "Orthopedics"), YearMonth.of(2025, 11),
                        YearMonth.of(2026, 2), 7, "in", Set.of("IN", "AFFILIATED"), "community", "force", "influence",
                        "chain-leakage-paths"),
                new NetworkLink("P1", 1, Set.of(), YearMonth.of(2026, 5), YearMonth.of(2026, 5), 2, "out",
                        Set.of("OUT"), "system", "hierarchy", "volume", "top-leaking-physicians"))) {
            var read = NetworkLink.parse(link.toQueryParameters(), PERIOD).orElseThrow();
            assertThat(read.problem()).isEmpty();
            assertThat(read.link()).isEqualTo(link);
            // and through the address bar's text
            assertThat(read(link.toQueryParameters().getQueryString()).link()).isEqualTo(link);
        }
    }

    @Test
    void aFocusLinkSaysOnlyTheFocus() {
        assertThat(NetworkLink.focusOn("D").getParameters()).isEqualTo(Map.of("focus", List.of("D")));
    }

    @Test
    void groupingOpenGroupsAndTheViewAreReadAndWrittenBack() {
        var read = read("focus=D&hops=2&group=Practice&open=practice:P1&open=practice:P%202&open=&view=flow");
        assertThat(read.link().group()).isEqualTo(Grouping.PRACTICE);
        assertThat(read.link().open()).containsExactly("practice:P1", "practice:P 2");
        assertThat(read.link().view()).isEqualTo("flow");
        var written = read.link().toQueryParameters().getParameters();
        assertThat(written.get("group")).containsExactly("practice");
        assertThat(written.get("open")).containsExactly("practice:P1", "practice:P 2");
        assertThat(written.get("view")).containsExactly("flow");

        // community grouping needs the communities; defaults are left out of the address; unknown values fall back
        assertThat(read("focus=D&hops=2&group=community").request().communities()).isTrue();
        var defaults = read("focus=D&hops=2&group=zip&view=map").link();
        assertThat(defaults.group()).isEqualTo(Grouping.DEFAULT);
        assertThat(defaults.view()).isEqualTo("graph");
        assertThat(defaults.toQueryParameters().getParameters()).doesNotContainKeys("group", "open", "view");

        // a link cannot make the explorer track more than 50 open groups
        var many = new StringBuilder("focus=D&hops=2");
        for (int i = 0; i < 80; i++) {
            many.append("&open=system:S").append(i);
        }
        assertThat(read(many.toString()).link().open()).hasSize(50).first().isEqualTo("system:S0");
    }
}
