package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a small OpenID Connect provider run by the test (discovery, authorization, token
 * and key endpoints; RS256-signed ID tokens): the whole authorization-code flow over real HTTP, roles from
 * the claim, the user kept in the graph, refusals for a user without a Liaison role and for a disabled one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"liaison.demo.enabled=false", "liaison.security.oidc.client-id=liaison",
                "liaison.security.oidc.client-secret=provider-secret", "liaison.security.oidc.roles-claim=groups",
                "liaison.security.oidc.role-mapping.outreach-managers=MANAGER"})
@ActiveProfiles("test")
class SingleSignOnTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Provider PROVIDER = new Provider();

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("liaison.security.oidc.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stop() {
        PROVIDER.server.stop(0);
    }

    @Test
    void rolesFromTheClaimMapThroughTheSettings() {
        assertThat(OidcLogin.roles(List.of("outreach-managers", "analyst", "staff"), Map.of("outreach-managers", "MANAGER")))
                .containsExactlyInAnyOrder(Role.MANAGER, Role.ANALYST);
        assertThat(OidcLogin.roles("Liaison, viewer", Map.of())).containsExactlyInAnyOrder(Role.LIAISON, Role.VIEWER);
        assertThat(OidcLogin.roles(null, Map.of())).isEmpty();
        assertThat(OidcLogin.usernameClaim(Map.of("email", "a@b.org", "sub", "x"), "preferred_username")).isEqualTo("email");
    }

    @Test
    void aUserSignsOnThroughTheProviderWithRolesFromTheClaim() throws Exception {
        PROVIDER.next = Map.of("preferred_username", "Riley.SSO", "name", "Riley Single", "groups", List.of("outreach-managers", "staff"));
        var landing = signOn();
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().getPath()).isEqualTo("/");
        var user = GraphFixtures.rows(driver, "MATCH (u:User {username: 'riley.sso'}) RETURN u", Map.of()).get(0).get("u");
        assertThat(user.get("roles").asList()).containsExactly("MANAGER");
        assertThat(user.get("source").asString()).isEqualTo("oidc");
        assertThat(user.get("displayName").asString()).isEqualTo("Riley Single");
        assertThat(user.get("passwordHash").isNull()).as("no password: the login form cannot be used").isTrue();
        assertThat(GraphFixtures.count(driver, """
                MATCH (e:AuditEvent {type: 'LOGIN', username: 'riley.sso', detail: 'single sign-on'}) RETURN count(e)""")).isEqualTo(1);
        assertThat(GraphFixtures.count(driver, """
                MATCH (e:AuditEvent {type: 'USER_CREATED', target: 'riley.sso'}) RETURN count(e)""")).isEqualTo(1);

        // a second sign-on with other groups changes the roles, and says so once
        PROVIDER.next = Map.of("preferred_username", "riley.sso", "groups", "liaison");
        assertThat(signOn().statusCode()).isEqualTo(200);
        assertThat(GraphFixtures.rows(driver, "MATCH (u:User {username: 'riley.sso'}) RETURN u.roles AS roles", Map.of())
                .get(0).get("roles").asList()).containsExactly("LIAISON");
        assertThat(GraphFixtures.count(driver, """
                MATCH (e:AuditEvent {type: 'USER_CHANGED', target: 'riley.sso'}) RETURN count(e)""")).isEqualTo(1);
    }

    @Test
    void aUserWithoutALiaisonRoleOrDisabledHereIsRefused() throws Exception {
        PROVIDER.next = Map.of("preferred_username", "nobody.special", "groups", List.of("staff"));
        var refused = signOn();
        assertThat(refused.uri().toString()).contains("/login?error=sso");
        assertThat(GraphFixtures.count(driver, "MATCH (u:User {username: 'nobody.special'}) RETURN count(u)")).isZero();

        GraphFixtures.run(driver, """
                CREATE (:User {username: 'gone.sso', displayName: 'Gone', roles: ['LIAISON'], enabled: false, source: 'oidc'})""");
        PROVIDER.next = Map.of("preferred_username", "gone.sso", "groups", List.of("liaison"));
        assertThat(signOn().uri().toString()).contains("/login?error=sso");
    }

    /** Follows the authorization-code flow from the application to the provider and back; returns the last answer. */
    private HttpResponse<String> signOn() throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = URI.create("http://localhost:" + port + "/oauth2/authorization/oidc");
        HttpResponse<String> response = null;
        for (int hop = 0; hop < 10; hop++) {
            response = client.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            next = next.resolve(location.get());
        }
        throw new AssertionError("too many redirects, last " + next + " (" + response.statusCode() + ")");
    }

    /** An OpenID Connect provider with one client, which signs in whoever {@link #next} describes. */
    static final class Provider {
        final HttpServer server;
        final RSAKey key;
        final Map<String, String> nonces = new HashMap<>();
        volatile Map<String, Object> next = Map.of();

        Provider() {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-key").generate();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, Map.of(
                    "issuer", issuer(), "authorization_endpoint", issuer() + "/authorize",
                    "token_endpoint", issuer() + "/token", "jwks_uri", issuer() + "/jwks",
                    "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "scopes_supported", List.of("openid", "profile", "email"))));
            server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toJSONObject()));
            server.createContext("/authorize", exchange -> {
                var query = query(exchange.getRequestURI().getRawQuery());
                String code = UUID.randomUUID().toString();
                nonces.put(code, query.get("nonce"));
                exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code
                        + "&state=" + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/token", exchange -> {
                var form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String basic = exchange.getRequestHeaders().getFirst("Authorization");
                String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("liaison:provider-secret".getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(basic) || !nonces.containsKey(form.get("code"))) {
                    json(exchange, 400, Map.of("error", "invalid_grant"));
                    return;
                }
                var claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("sub-" + next.get("preferred_username"))
                        .audience("liaison").issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .claim("nonce", nonces.remove(form.get("code")));
                next.forEach(claims::claim);
                try {
                    var token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
                    token.sign(new RSASSASigner(key));
                    json(exchange, Map.of("access_token", UUID.randomUUID().toString(), "token_type", "Bearer",
                            "expires_in", 300, "scope", "openid", "id_token", token.serialize()));
                } catch (Exception e) {
                    json(exchange, 500, Map.of("error", e.getMessage()));
                }
            });
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static Map<String, String> query(String raw) {
            var map = new HashMap<String, String>();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return map;
        }

        private static void json(HttpExchange exchange, Object body) throws IOException {
            json(exchange, 200, body);
        }

        private static void json(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
