package org.liaisonprm.network;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liaisonprm.base.ApiError;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.graph.GraphAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    private final GraphAnswers answers;
    private final ObjectMapper json;

    NetworkApi(NetworkService network, GraphAnswers answers, ObjectMapper json) {
        this.network = network;
        this.answers = answers;
        this.json = json;
    }

    /** What a picture's JSON depends on beyond the neighbourhood asked for. */
    private record Shown(Neighbourhood request, Grouping grouping, Set<String> open) {
    }

    @GetMapping("/api/network/neighbourhood")
    @Operation(summary = "The referral neighbourhood of a physician, practice or facility: nodes, aggregated "
            + "referral flows and whether anything was left out. from and to are months (YYYY-MM, to inclusive; "
            + "default the last 12 months of data); serviceLine and network may repeat or be comma-separated; "
            + "colorBy=community adds each node's referral community; group (none, practice, system, network or "
            + "community; default none) combines the nodes beyond the first hop into groups, open names groups "
            + "(group:... ids without the prefix) to leave as their members")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = NetworkPicture.class)))
    ResponseEntity<byte[]> neighbourhood(@RequestParam String focus,
                                 @RequestParam(defaultValue = "1") int hops,
                                 @RequestParam(required = false) List<String> serviceLine,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "1") long minReferrals,
                                 @RequestParam(defaultValue = "both") String direction,
                                 @RequestParam(required = false) List<String> network,
                                 @RequestParam(defaultValue = "" + Neighbourhood.DEFAULT_PER_NODE) int perNode,
                                 @RequestParam(defaultValue = "" + Neighbourhood.DEFAULT_CAP) int maxNodes,
                                 @RequestParam(defaultValue = "network") String colorBy,
                                 @RequestParam(defaultValue = "none") String group,
                                 @RequestParam(required = false) List<String> open) {
        var grouping = Grouping.parse(group).orElseThrow(() -> new BadParameter("group",
                "none, practice, system, network or community, not '" + group + "'"));
        var request = NeighbourhoodParameters.request(this.network.defaultPeriod(), focus, hops, serviceLine, from, to,
                minReferrals, direction, network, perNode, maxNodes,
                "community".equalsIgnoreCase(colorBy) || grouping == Grouping.COMMUNITY);
        var shown = new Shown(request, grouping, open == null ? Set.of() : Set.copyOf(open));
        // the JSON itself is reused: a two-hop picture is about half a megabyte to write out
        byte[] body = answers.get("neighbourhood-json", shown, bytes -> bytes.length / 64, () -> {
            var picture = this.network.neighbourhood(request)
                    .orElseThrow(() -> new NoSuchElementException("No physician, practice or facility has the id " + focus));
            try {
                return json.writeValueAsBytes(grouping.apply(picture, shown.open()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<ApiError> badParameter(BadParameter e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound(NoSuchElementException e) {
        return ApiError.answer(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }
}
