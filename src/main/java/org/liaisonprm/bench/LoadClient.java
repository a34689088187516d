package org.liaisonprm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liaisonprm.bench.LoadMix.Endpoint;

/**
 * The Liaison API as the load benchmark calls it. One HTTP/1.1 client for all users (a request in flight has a
 * connection of its own, so users do not queue behind each other) and no cookie store, so that every request
 * authenticates as an API client's does.
 */
final class LoadClient {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The report whose rows name the physicians the users focus on, and its column that holds their NPIs. */
    static final String FOCUS_REPORT = "top-leaking-physicians";
    static final String FOCUS_COLUMN = "physicianId";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads every body to its end, since receiving it is part of the latency, but keeps only the bodies of
     * errors: decoding hundreds of neighbourhoods a second would take the client's CPU from the server on a
     * small machine.
     */
    private static final HttpResponse.BodyHandler<String> ERROR_BODIES = info -> info.statusCode() / 100 == 2
            ? BodySubscribers.replacing("") : BodySubscribers.ofString(StandardCharsets.UTF_8);

    /** Setup did not get what the run needs; the message says what and, where it can, why. */
    static final class SetupFailed extends Exception {
        SetupFailed(String message) {
            super(message);
        }
    }

    /** An API token created for the run: {@code id} revokes it, {@code secret} is sent as the bearer. */
    record Token(String account, String id, String secret) {
        @Override
        public String toString() {
            return "Token[account=" + account + ", id=" + id + "]";
        }
    }

    /** A measured request's answer: {@code error} null for 2xx, else the status, "timeout" or "connection failed". */
    record Answer(String error, String body) {
        static final Answer OK = new Answer(null, null);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String url;
    private final String password;

    LoadClient(String url, String password) {
        this.url = url;
        this.password = password;
    }

    String basic(String account) {
        String credentials = account + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one request of the mix with {@code authorization}; never throws for what the server or network did. */
    Answer send(Endpoint endpoint, String focus, String authorization) throws InterruptedException {
        try {
            var response = http.send(request(endpoint.method(), endpoint.path(focus), authorization, endpoint.body),
                    ERROR_BODIES);
            return response.statusCode() / 100 == 2 ? Answer.OK
                    : new Answer(String.valueOf(response.statusCode()), response.body());
        } catch (HttpTimeoutException e) {
            return new Answer("timeout", e.getMessage() + " (limit " + TIMEOUT.toSeconds() + " s)");
        } catch (IOException e) {
            return new Answer("connection failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Up to {@code max} distinct NPIs from the {@value #FOCUS_REPORT} report run as {@code account} with its
     * defaults: physicians who send referrals, so their neighbourhoods are not empty. The answer is the server's
     * {@code ReportResult}, columns by name and rows in column order.
     */
    List<String> focusNpis(String account, int max) throws SetupFailed, InterruptedException {
        var response = setup("POST", "/api/reports/" + FOCUS_REPORT + "/run", basic(account), "{\"params\":{}}",
                "running " + FOCUS_REPORT + " as " + account);
        expect(response, 200, "running " + FOCUS_REPORT + " as " + account);
        JsonNode result = json(response, "the result of " + FOCUS_REPORT);
        int column = -1;
        for (int i = 0; i < result.path("columns").size(); i++) {
            if (FOCUS_COLUMN.equals(result.path("columns").get(i).asText())) {
                column = i;
            }
        }
        if (column < 0) {
            throw new SetupFailed(FOCUS_REPORT + " has no column " + FOCUS_COLUMN + "; its columns are "
                    + result.path("columns"));
        }
        var npis = new LinkedHashSet<String>();
        for (JsonNode row : result.path("rows")) {
            JsonNode npi = row.path(column);
            if (npi.isTextual() && !npi.asText().isBlank() && npis.size() < max) {
                npis.add(npi.asText());
            }
        }
        if (npis.isEmpty()) {
            throw new SetupFailed(FOCUS_REPORT + " listed no physicians to focus on: has the demo region loaded? "
                    + "(/actuator/health shows physicians > 0 once it has)");
        }
        return List.copyOf(npis);
    }

    /** {@code POST /api/account/tokens} as {@code account}: 201 with the token's id and secret. */
    Token createToken(String account) throws SetupFailed, InterruptedException {
        String doing = "creating an API token for " + account;
        var response = setup("POST", "/api/account/tokens", basic(account), "{\"name\":\"load benchmark\"}", doing);
        expect(response, 201, doing);
        JsonNode token = json(response, "the token created for " + account);
        String id = token.path("id").asText("");
        String secret = token.path("token").asText("");
        if (id.isBlank() || secret.isBlank()) {
            throw new SetupFailed(doing + ": the answer holds no id or no token");
        }
        return new Token(account, id, secret);
    }

    /** {@code DELETE /api/account/tokens/{id}} as the token's account; null when it went, else what went wrong. */
    String revoke(Token token) throws InterruptedException {
        String doing = "revoking the API token " + token.id() + " of " + token.account();
        try {
            String path = "/api/account/tokens/" + URLEncoder.encode(token.id(), StandardCharsets.UTF_8);
            var response = setup("DELETE", path, basic(token.account()), null, doing);
            return response.statusCode() / 100 == 2 ? null : doing + ": the server answered "
                    + response.statusCode() + " " + LoadTally.shorten(response.body());
        } catch (SetupFailed e) {
            return e.getMessage();
        }
    }

    private HttpRequest request(String method, String path, String authorization, String body) {
        var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json");
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> setup(String method, String path, String authorization, String body, String doing)
            throws SetupFailed, InterruptedException {
        try {
            return http.send(request(method, path, authorization, body), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SetupFailed(doing + ": could not reach " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is the server running there?");
        }
    }

    private static void expect(HttpResponse<String> response, int status, String doing) throws SetupFailed {
        if (response.statusCode() == status) {
            return;
        }
        String hint = switch (response.statusCode()) {
            case 401 -> "; is --password the server's liaison.demo.users-password, and does it hold the demo accounts?";
            case 404 -> "; does this server have that endpoint?";
            default -> "";
        };
        throw new SetupFailed(doing + ": the server answered " + response.statusCode() + " "
                + LoadTally.shorten(response.body()) + hint);
    }

    private static JsonNode json(HttpResponse<String> response, String what) throws SetupFailed {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SetupFailed(what + " is not JSON: " + LoadTally.shorten(response.body()));
        }
    }

}
