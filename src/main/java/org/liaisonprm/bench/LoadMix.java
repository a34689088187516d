package org.liaisonprm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Who the load benchmark's simulated users are and what each kind of user asks the server for. */
final class LoadMix {

    private static final String RUN_WITH_DEFAULTS = "{\"params\":{}}";

    private LoadMix() {
    }

    /** A request the users send; {@code label} names its row in the results. */
    enum Endpoint {
        TERRITORIES("GET /api/territories", "/api/territories", null),
        INTERACTIONS("GET /api/interactions", "/api/interactions", null),
        NEIGHBOURHOOD_ONE_HOP("GET /api/network/neighbourhood hops=1",
                "/api/network/neighbourhood?hops=1&focus=", null),
        NEIGHBOURHOOD_TWO_HOPS("GET /api/network/neighbourhood hops=2",
                "/api/network/neighbourhood?hops=2&focus=", null),
        LEAKAGE_BY_SERVICE_LINE("POST /api/reports/{id}/run leakage-by-service-line",
                "/api/reports/leakage-by-service-line/run", RUN_WITH_DEFAULTS),
        TOP_LEAKING_PHYSICIANS("POST /api/reports/{id}/run top-leaking-physicians",
                "/api/reports/top-leaking-physicians/run", RUN_WITH_DEFAULTS),
        REPORTS("GET /api/reports", "/api/reports", null);

        final String label;
        private final String path;
        /** The JSON body of a POST; null for a GET. */
        final String body;

        Endpoint(String label, String path, String body) {
            this.label = label;
            this.path = path;
            this.body = body;
        }

        String method() {
            return body == null ? "GET" : "POST";
        }

        boolean needsFocus() {
            return path.endsWith("focus=");
        }

        /** The path and query, around {@code focus} (an NPI) for a neighbourhood. */
        String path(String focus) {
            return needsFocus() ? path + URLEncoder.encode(focus, StandardCharsets.UTF_8) : path;
        }
    }

    /** A kind of user: its account and the requests it picks among, each equally likely. */
    enum Kind {
        LIAISON(List.of(Endpoint.TERRITORIES, Endpoint.INTERACTIONS, Endpoint.NEIGHBOURHOOD_ONE_HOP,
                Endpoint.NEIGHBOURHOOD_TWO_HOPS)),
        ANALYST(List.of(Endpoint.LEAKAGE_BY_SERVICE_LINE, Endpoint.TOP_LEAKING_PHYSICIANS,
                Endpoint.NEIGHBOURHOOD_TWO_HOPS)),
        VIEWER(List.of(Endpoint.REPORTS));

        private final List<Endpoint> endpoints;

        Kind(List<Endpoint> endpoints) {
            this.endpoints = endpoints;
        }

        Endpoint next(Random random) {
            return endpoints.get(random.nextInt(endpoints.size()));
        }
    }

    /**
     * One simulated user.
     *
     * @param index   its place among all users, which seeds its choices
     * @param account the demo account it signs in as
     * @param basic   true when it sends HTTP Basic on every request, false when it sends an API token
     */
    record User(int index, Kind kind, String account, boolean basic) {

        /** Its own sequence of choices, the same in every run. */
        Random random() {
            // java.util.Random started from consecutive seeds draws almost the same first values
            return new Random(index * 0x9E3779B97F4A7C15L);
        }
    }

    /**
     * The kinds in turn: five liaisons, three analysts and two viewers in every ten users, interleaved so that
     * a number of users that is not a multiple of ten still gets close to that mix.
     */
    private static final List<Kind> CYCLE = List.of(Kind.LIAISON, Kind.ANALYST, Kind.VIEWER, Kind.LIAISON,
            Kind.LIAISON, Kind.ANALYST, Kind.LIAISON, Kind.VIEWER, Kind.ANALYST, Kind.LIAISON);

    /**
     * {@code count} users, kinds in turn from {@link #CYCLE}. Within each kind every other user signs in with
     * HTTP Basic, the others with a token; liaisons take the accounts liaison1 to liaison4 two users at a time,
     * so that each liaison account is used both ways and the two ways carry the same accounts' work.
     */
    static List<User> assign(int count) {
        var users = new ArrayList<User>(count);
        Map<Kind, Integer> ofKind = new EnumMap<>(Kind.class);
        for (int i = 0; i < count; i++) {
            Kind kind = CYCLE.get(i % CYCLE.size());
            int k = ofKind.merge(kind, 1, Integer::sum) - 1;
            String account = switch (kind) {
                case LIAISON -> "liaison" + (1 + k / 2 % 4);
                case ANALYST -> "analyst";
                case VIEWER -> "viewer";
            };
            users.add(new User(i, kind, account, k % 2 == 0));
        }
        return users;
    }
}
