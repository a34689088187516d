package org.liaisonprm.network;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@link Neighbourhood} from the values of an explorer address or an API call: months written YYYY-MM
 * ({@code to} inclusive, either left out for the default period), lists that may repeat or be comma-separated,
 * a direction in any case. The explorer and {@code GET /api/network/neighbourhood} read them the same way.
 */
final class NeighbourhoodParameters {

    private NeighbourhoodParameters() {
    }

    /**
     * Builds a request from deep-link style values, naming the parameter that does not fit.
     *
     * @throws BadParameter when a value does not fit, named by its parameter
     */
    static Neighbourhood request(NetworkService.Period period, String focus, int hops, List<String> serviceLines,
                                 String from, String to, long minReferrals, String direction, List<String> networks,
                                 int perNode, int maxNodes, boolean communities) {
        var start = from == null || from.isBlank() ? period.from() : month("from", from).atDay(1);
        var end = to == null || to.isBlank() ? period.to() : month("to", to).plusMonths(1).atDay(1);
        Neighbourhood.Direction way;
        try {
            way = Neighbourhood.Direction.valueOf(direction.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("direction", "in, out or both, not '" + direction + "'");
        }
        Set<String> inNetworks = new LinkedHashSet<>(split(networks).stream().map(n -> n.toUpperCase(Locale.ROOT)).toList());
        try {
            return new Neighbourhood(focus, hops, split(serviceLines), start, end, minReferrals, way, inNetworks,
                    perNode, maxNodes, communities);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw new BadParameter(colon > 0 ? message.substring(0, colon) : "request",
                    colon > 0 ? message.substring(colon + 1).strip() : message);
        }
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "a month written YYYY-MM, not '" + value + "'");
        }
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
    }
}
