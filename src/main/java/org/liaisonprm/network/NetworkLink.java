package org.liaisonprm.network;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.router.QueryParameters;

/**
 * The explorer's address, which restores what its filters show:
 * {@code /network?focus=<id>&hops=1|2&serviceLine=...&from=YYYY-MM&to=YYYY-MM&minReferrals=N&direction=out|in
 * &network=IN,...&colorBy=system|community&layout=force|hierarchy&sizeBy=influence&highlight=<report id>
 * &group=none|practice|system|network|community&open=<group key>...&view=graph|flow}.
 * A value at its default is left out of the address.
 *
 * @param from     first month drawn; null leaves it out (the default period's)
 * @param through  last month drawn, inclusive (the address's {@code to}); null leaves it out
 * @param highlight id of the report whose findings stand out; empty for none
 * @param group     how the nodes beyond the first hop are combined ({@link Grouping})
 * @param open      keys of the groups drawn as their members, in the order they were opened
 * @param view      graph (the network drawn) or flow (the leakage flow diagram)
 */
record NetworkLink(String focus, int hops, Set<String> serviceLines, YearMonth from, YearMonth through,
                   long minReferrals, String direction, Set<String> networks, String colorBy, String layout,
                   String sizeBy, String highlight, Grouping group, Set<String> open, String view) {

    static final List<String> COLOURINGS = List.of("network", "system", "community");
    static final List<String> LAYOUTS = List.of("concentric", "force", "hierarchy");
    /** The reports the explorer can highlight; the empty id highlights nothing. */
    static final List<String> HIGHLIGHTS = List.of("", "chain-leakage-paths", "influential-referrers",
            "referral-brokers", "top-leaking-physicians", "lost-referrers");

    /** An address opens at most this many groups (a picture has far fewer). */
    private static final int MAX_OPEN = 50;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final Set<String> FILTER_KEYS = Set.of("hops", "serviceLine", "from", "to", "sizeBy", "highlight",
            "minReferrals", "direction", "network", "colorBy", "layout", "group");

    static final List<String> VIEWS = List.of("graph", "flow");

    NetworkLink {
        serviceLines = ordered(serviceLines);
        networks = ordered(networks);
        group = group == null ? Grouping.DEFAULT : group;
        open = ordered(open);
        view = VIEWS.contains(view) ? view : "graph";
    }

    NetworkLink(String focus, int hops, Set<String> serviceLines, YearMonth from, YearMonth through, long minReferrals,
                String direction, Set<String> networks, String colorBy, String layout, String sizeBy, String highlight) {
        this(focus, hops, serviceLines, from, through, minReferrals, direction, networks, colorBy, layout, sizeBy,
                highlight, Grouping.DEFAULT, Set.of(), "graph");
    }

    /** The same address with other groups open. */
    NetworkLink withOpen(Set<String> groups) {
        return new NetworkLink(focus, hops, serviceLines, from, through, minReferrals, direction, networks, colorBy,
                layout, sizeBy, highlight, group, groups, view);
    }

    /** The same address showing the graph or the flow view. */
    NetworkLink withView(String shown) {
        return new NetworkLink(focus, hops, serviceLines, from, through, minReferrals, direction, networks, colorBy,
                layout, sizeBy, highlight, group, open, shown);
    }

    /**
     * An address as the explorer reads it.
     *
     * @param link        what the filters show: the address's values, or the defaults where they did not fit
     * @param request     the neighbourhood to draw
     * @param problem     why the address's filters were replaced by the defaults, when they were
     * @param setsFilters whether the address says more than the focus
     */
    record Read(NetworkLink link, Neighbourhood request, Optional<String> problem, boolean setsFilters) {
    }

    /** An address that only moves the focus. */
    static QueryParameters focusOn(String id) {
        return QueryParameters.of("focus", id);
    }

    /**
     * Reads an address. When the referral filters (hops, service lines, months, minimum, direction, networks) do
     * not fit together they all fall back to the defaults and {@link Read#problem()} says why; an unknown
     * colouring, layout, size or highlight falls back to its own default.
     *
     * @param period the months drawn when the address names none
     * @return empty when the address names no focus
     */
    static Optional<Read> parse(QueryParameters query, NetworkService.Period period) {
        Optional<String> focus = query.getSingleParameter("focus");
        if (focus.isEmpty() || focus.get().isBlank()) {
            return Optional.empty();
        }
        String color = query.getSingleParameter("colorBy").orElse("network");
        Grouping group = query.getSingleParameter("group").flatMap(Grouping::parse).orElse(Grouping.DEFAULT);
        Neighbourhood request;
        Optional<String> problem = Optional.empty();
        try {
            request = NeighbourhoodParameters.request(period, focus.get().strip(),
                    Integer.parseInt(query.getSingleParameter("hops").orElse("1")),
                    query.getParameters().getOrDefault("serviceLine", List.of()),
                    query.getSingleParameter("from").orElse(null), query.getSingleParameter("to").orElse(null),
                    Long.parseLong(query.getSingleParameter("minReferrals").orElse("1")),
                    query.getSingleParameter("direction").orElse("both"),
                    query.getParameters().getOrDefault("network", List.of()),
                    Neighbourhood.DEFAULT_PER_NODE, Neighbourhood.DEFAULT_CAP,
                    "community".equals(color) || group == Grouping.COMMUNITY);
        } catch (IllegalArgumentException e) {
            problem = Optional.of(String.valueOf(e.getMessage()));
            request = Neighbourhood.around(focus.get().strip(), period.from(), period.to());
        }
        var link = new NetworkLink(request.focus(), request.hops(), new LinkedHashSet<>(request.serviceLines()),
                YearMonth.from(request.from()), YearMonth.from(request.to()).minusMonths(1), request.minReferrals(),
                request.direction().name().toLowerCase(Locale.ROOT), new LinkedHashSet<>(request.networks()),
                COLOURINGS.contains(color) ? color : "network",
                query.getSingleParameter("layout").filter(LAYOUTS::contains).orElse("concentric"),
                query.getSingleParameter("sizeBy").filter("influence"::equals).orElse("volume"),
                query.getSingleParameter("highlight").filter(HIGHLIGHTS::contains).orElse(""), group,
                new LinkedHashSet<>(query.getParameters().getOrDefault("open", List.of()).stream()
                        .filter(key -> !key.isBlank()).limit(MAX_OPEN).toList()),
                query.getSingleParameter("view").orElse("graph"));
        boolean setsFilters = query.getParameters().keySet().stream().anyMatch(FILTER_KEYS::contains);
        return Optional.of(new Read(link, request, problem, setsFilters));
    }

    /** The address: the focus and hops always, every other value only when it is not the default. */
    QueryParameters toQueryParameters() {
        var parameters = new LinkedHashMap<String, List<String>>();
        parameters.put("focus", List.of(focus));
        parameters.put("hops", List.of(String.valueOf(hops)));
        if (!serviceLines.isEmpty()) {
            parameters.put("serviceLine", List.of(String.join(",", serviceLines)));
        }
        if (from != null) {
            parameters.put("from", List.of(MONTH.format(from)));
        }
        if (through != null) {
            parameters.put("to", List.of(MONTH.format(through)));
        }
        if (minReferrals > 1) {
            parameters.put("minReferrals", List.of(String.valueOf(minReferrals)));
        }
        if (direction != null && !"both".equals(direction)) {
            parameters.put("direction", List.of(direction));
        }
        if (!networks.isEmpty()) {
            parameters.put("network", List.of(String.join(",", networks)));
        }
        if (colorBy != null && !"network".equals(colorBy)) {
            parameters.put("colorBy", List.of(colorBy));
        }
        if (layout != null && !"concentric".equals(layout)) {
            parameters.put("layout", List.of(layout));
        }
        if ("influence".equals(sizeBy)) {
            parameters.put("sizeBy", List.of("influence"));
        }
        if (highlight != null && !highlight.isEmpty()) {
            parameters.put("highlight", List.of(highlight));
        }
        if (group != Grouping.DEFAULT) {
            parameters.put("group", List.of(group.key()));
        }
        if (!open.isEmpty()) {
            parameters.put("open", List.copyOf(open));
        }
        if (!"graph".equals(view)) {
            parameters.put("view", List.of(view));
        }
        return new QueryParameters(parameters);
    }

    /** Keeps the order the values were chosen in, which the address lists them in. */
    private static Set<String> ordered(Set<String> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
