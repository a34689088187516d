package org.liaisonprm.network;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liaisonprm.base.NetworkPicture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The explorer's pictures as JSON: {@code GET /api/network/neighbourhood}, with the explorer's deep-link
 * parameters.
 */
@RestController
@Tag(name = "Network", description = "Referral neighbourhoods, as the explorer draws them")
class NetworkApi {

    private final NetworkService network;

    NetworkApi(NetworkService network) {
        this.network = network;
    }

    record ErrorJson(String error, String parameter) {
    }

    /** A refused parameter: which one and why. */
    static class BadParameter extends IllegalArgumentException {
        final String parameter;

        BadParameter(String parameter, String reason) {
            super(parameter + ": " + reason);
            this.parameter = parameter;
        }
    }

    @GetMapping("/api/network/neighbourhood")
    @Operation(summary = "The referral neighbourhood of a physician, practice or facility: nodes, aggregated "
            + "referral flows and whether anything was left out. from and to are months (YYYY-MM, to inclusive; "
            + "default the last 12 months of data); serviceLine and network may repeat or be comma-separated; "
            + "colorBy=community adds each node's referral community")
    NetworkPicture neighbourhood(@RequestParam String focus,
                                 @RequestParam(defaultValue = "1") int hops,
                                 @RequestParam(required = false) List<String> serviceLine,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "1") long minReferrals,
                                 @RequestParam(defaultValue = "both") String direction,
                                 @RequestParam(required = false) List<String> network,
                                 @RequestParam(defaultValue = "" + Neighbourhood.DEFAULT_PER_NODE) int perNode,
                                 @RequestParam(defaultValue = "" + Neighbourhood.DEFAULT_CAP) int maxNodes,
                                 @RequestParam(defaultValue = "network") String colorBy) {
        var request = request(this.network.defaultPeriod(), focus, hops, serviceLine, from, to, minReferrals,
                direction, network, perNode, maxNodes, "community".equalsIgnoreCase(colorBy));
        return this.network.neighbourhood(request)
                .orElseThrow(() -> new NoSuchElementException("No physician, practice or facility has the id " + focus));
    }

    /** Builds a request from deep-link style values, naming the parameter that does not fit. */
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

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<ErrorJson> badParameter(BadParameter e) {
        return ResponseEntity.badRequest().body(new ErrorJson(e.getMessage(), e.parameter));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ErrorJson> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorJson(e.getMessage(), null));
    }
}
