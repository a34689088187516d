package org.liaisonprm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liaisonprm.bench.LoadMix.Endpoint;
import org.liaisonprm.bench.LoadMix.Kind;
import org.liaisonprm.bench.LoadMix.User;

/**
 * The load benchmark's parts that need no server: percentiles, arguments, who the users are. The run itself
 * is measured against the packaged jar (docs/benchmarks.md), not against a stand-in.
 */
class LoadBenchmarkTests {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private static Latencies millis(long... values) {
        return new Latencies(LongStream.of(values).map(ms -> ms * 1_000_000).boxed().toList());
    }

    @Test
    void percentilesAreTheNearestRank() {
        var latencies = millis(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray()); // given unsorted
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.millis(50)).isEqualTo(50.0);
        assertThat(latencies.millis(95)).isEqualTo(95.0);
        assertThat(latencies.millis(99)).isEqualTo(99.0);
        assertThat(latencies.millis(100)).isEqualTo(100.0);
    }

    @Test
    void percentilesRoundTheRankUp() {
        // ten values: rank ⌈0.95 × 10⌉ = 10, ⌈0.5 × 10⌉ = 5; seven values: ⌈0.5 × 7⌉ = 4
        assertThat(millis(10, 20, 30, 40, 50, 60, 70, 80, 90, 100).millis(95)).isEqualTo(100.0);
        assertThat(millis(10, 20, 30, 40, 50, 60, 70, 80, 90, 100).millis(50)).isEqualTo(50.0);
        assertThat(millis(1, 2, 3, 4, 5, 6, 7).millis(50)).isEqualTo(4.0);
    }

    @Test
    void oneLatencyIsEveryPercentile() {
        var latencies = millis(42);
        assertThat(List.of(latencies.millis(50), latencies.millis(95), latencies.millis(99))).containsOnly(42.0);
    }

    @Test
    void noLatencyHasNoPercentile() {
        var latencies = millis();
        assertThat(latencies.count()).isZero();
        assertThat(latencies.millis(50)).isNaN();
        assertThat(latencies.millis(99)).isNaN();
    }

    @Test
    void aTallyCountsErrorsPerEndpointAndKeepsTheFirstBodyOfEachStatus() {
        var first = new LoadTally();
        first.answered(Endpoint.REPORTS, true, 10_000_000, null, null, 1);
        first.answered(Endpoint.REPORTS, false, 30_000_000, "503", "busy\n  later", 5);
        var second = new LoadTally();
        second.answered(Endpoint.TERRITORIES, true, 20_000_000, "503", "x".repeat(300), 3);
        second.answered(Endpoint.TERRITORIES, false, 40_000_000, "timeout", "no answer", 4);
        first.add(second);

        Map<String, LoadTally.Row> rows = first.rows(2.0).stream()
                .collect(Collectors.toMap(LoadTally.Row::name, Function.identity()));
        assertThat(first.rows(2.0)).extracting(LoadTally.Row::name).containsExactly("GET /api/territories",
                "GET /api/reports", "all", "all, HTTP Basic", "all, API token");
        assertThat(rows.get("GET /api/reports")).extracting(LoadTally.Row::count, LoadTally.Row::errors,
                        LoadTally.Row::perSecond, LoadTally.Row::p50, LoadTally.Row::p99)
                .containsExactly(2, 1L, 1.0, 10.0, 30.0);
        assertThat(rows.get("all")).extracting(LoadTally.Row::count, LoadTally.Row::errors, LoadTally.Row::p50)
                .containsExactly(4, 3L, 20.0);
        assertThat(rows.get("all, HTTP Basic")).extracting(LoadTally.Row::count, LoadTally.Row::errors)
                .containsExactly(2, 1L);
        assertThat(first.errors()).containsExactly(
                new LoadTally.Errors("503", 2, "x".repeat(LoadTally.BODY_LIMIT) + "…"),
                new LoadTally.Errors("timeout", 1, "no answer"));
    }

    @Test
    void argumentsHaveDefaults() {
        var settings = LoadSettings.parse(new String[] {"--password=secret"}, NO_ENVIRONMENT);
        assertThat(settings).isEqualTo(new LoadSettings("http://127.0.0.1:8080", 50, 60, 10, "secret"));
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void argumentsAreRead() {
        var settings = LoadSettings.parse(new String[] {"--url=http://localhost:9090/", "--users=200", "--seconds=1",
                "--warmup-seconds=0"}, Map.of(LoadSettings.PASSWORD_VARIABLE, "from-the-environment"));
        assertThat(settings).isEqualTo(new LoadSettings("http://localhost:9090", 200, 1, 0, "from-the-environment"));
    }

    @Test
    void aPasswordIsRequired() {
        assertThatThrownBy(() -> LoadSettings.parse(new String[0], NO_ENVIRONMENT))
                .isInstanceOf(LoadSettings.Refused.class).hasMessageContaining("--password")
                .hasMessageContaining(LoadSettings.PASSWORD_VARIABLE);
        assertThatThrownBy(() -> LoadSettings.parse(new String[] {"--password="}, NO_ENVIRONMENT))
                .isInstanceOf(LoadSettings.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--users=0", "--users=201", "--users=many", "--seconds=0", "--seconds=601",
            "--warmup-seconds=-1", "--warmup-seconds=121"})
    void outOfRangeNumbersAreRefusedWithTheirRange(String argument) {
        String name = argument.substring(0, argument.indexOf('='));
        assertThatThrownBy(() -> LoadSettings.parse(new String[] {"--password=p", argument}, NO_ENVIRONMENT))
                .isInstanceOf(LoadSettings.Refused.class)
                .hasMessageStartingWith(name + " must be a whole number from ")
                .hasMessageContaining(argument.substring(argument.indexOf('=') + 1));
    }

    @Test
    void unknownArgumentsAreRefused() {
        assertThatThrownBy(() -> LoadSettings.parse(new String[] {"--password=p", "--user=10"}, NO_ENVIRONMENT))
                .isInstanceOf(LoadSettings.Refused.class).hasMessageStartingWith("Unknown argument --user;");
        assertThatThrownBy(() -> LoadSettings.parse(new String[] {"--pasword=secret"}, NO_ENVIRONMENT))
                .isInstanceOf(LoadSettings.Refused.class).message().doesNotContain("secret");
        assertThat(LoadSettings.wantsHelp(new String[] {"--users=5", "--help"})).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org", "http://93.184.215.14:8080", "ftp://127.0.0.1", "127.0.0.1:8080",
            "http://127.0.0.1:8080/?x=1"})
    void anythingButALoopbackHttpAddressIsRefused(String url) {
        assertThatThrownBy(() -> LoadSettings.loopback(url)).isInstanceOf(LoadSettings.Refused.class)
                .hasMessageStartingWith("--url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://127.0.0.1", "http://[::1]", "http://127.0.0.1:8080/",
            "https://localhost:8443"})
    void loopbackAddressesAreAccepted(String url) {
        assertThat(LoadSettings.loopback(url)).isEqualTo(url.replaceAll("/$", ""));
    }

    @Test
    void fiftyUsersAreTwentyFiveLiaisonsFifteenAnalystsAndTenViewersAboutHalfOfEachOnBasic() {
        List<User> users = LoadMix.assign(50);
        assertThat(users).extracting(User::index).containsExactlyElementsOf(
                IntStream.range(0, 50).boxed().toList());
        Map<Kind, List<User>> byKind = users.stream().collect(Collectors.groupingBy(User::kind));
        assertThat(byKind.get(Kind.LIAISON)).hasSize(25);
        assertThat(byKind.get(Kind.ANALYST)).hasSize(15).extracting(User::account).containsOnly("analyst");
        assertThat(byKind.get(Kind.VIEWER)).hasSize(10).extracting(User::account).containsOnly("viewer");
        assertThat(byKind.get(Kind.LIAISON).stream().filter(User::basic)).hasSize(13);
        assertThat(byKind.get(Kind.ANALYST).stream().filter(User::basic)).hasSize(8);
        assertThat(byKind.get(Kind.VIEWER).stream().filter(User::basic)).hasSize(5);
        assertThat(users.stream().filter(User::basic)).hasSize(26);
    }

    @Test
    void liaisonsTakeTheFourAccountsInTurnEachBothWays() {
        List<User> liaisons = LoadMix.assign(50).stream().filter(u -> u.kind() == Kind.LIAISON).toList();
        assertThat(liaisons.subList(0, 10)).extracting(User::account, User::basic).containsExactly(
                tuple("liaison1", true), tuple("liaison1", false), tuple("liaison2", true), tuple("liaison2", false),
                tuple("liaison3", true), tuple("liaison3", false), tuple("liaison4", true), tuple("liaison4", false),
                tuple("liaison1", true), tuple("liaison1", false));
        assertThat(liaisons).extracting(User::account).containsOnly("liaison1", "liaison2", "liaison3", "liaison4");
    }

    @Test
    void fewUsersStillMixTheKinds() {
        assertThat(LoadMix.assign(1)).extracting(User::kind).containsExactly(Kind.LIAISON);
        assertThat(LoadMix.assign(3)).extracting(User::kind).containsExactly(Kind.LIAISON, Kind.ANALYST, Kind.VIEWER);
    }

    @Test
    void aUsersChoicesAreTheSameInEveryRunAndDifferFromTheNextUsers() {
        User user = new User(0, Kind.LIAISON, "liaison1", true);
        User next = new User(1, Kind.LIAISON, "liaison1", false);
        List<Endpoint> once = choices(user);
        assertThat(choices(user)).isEqualTo(once);
        assertThat(choices(next)).isNotEqualTo(once);
    }

    private static List<Endpoint> choices(User user) {
        var random = user.random();
        return IntStream.range(0, 20).mapToObj(i -> user.kind().next(random)).toList();
    }

    @Test
    void aNeighbourhoodCarriesItsFocusEncoded() {
        assertThat(Endpoint.NEIGHBOURHOOD_TWO_HOPS.path("1234567893"))
                .isEqualTo("/api/network/neighbourhood?hops=2&focus=1234567893");
        assertThat(Endpoint.NEIGHBOURHOOD_ONE_HOP.path("synthea:a b")).endsWith("focus=synthea%3Aa+b");
        assertThat(Endpoint.TERRITORIES.path(null)).isEqualTo("/api/territories");
        assertThat(Endpoint.TOP_LEAKING_PHYSICIANS.method()).isEqualTo("POST");
    }
}
