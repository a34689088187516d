package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password rules, lockout and unlock, disabled users, API tokens and session id rotation, over real HTTP.
 */
@DemoGraphTest
class AccountProtectionTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Driver driver;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void passwordsFollowTheRules() {
        assertThatThrownBy(() -> users.createUser("rules-short", "Short", "too-short", List.of(Role.VIEWER)))
                .hasMessage("A password needs at least 12 characters");
        assertThatThrownBy(() -> users.createUser("rules-name", "Name", "my-rules-name-is-long", List.of(Role.VIEWER)))
                .hasMessage("A password may not contain the user name");
        assertThatThrownBy(() -> users.createUser("rules-common", "Common", "Password1234", List.of(Role.VIEWER)))
                .hasMessage("This password is among the most common ones; choose another");
        assertThatThrownBy(() -> users.createUser("Bad Name!", "Bad", "a-fine-long-passphrase", List.of(Role.VIEWER)))
                .hasMessageStartingWith("A user name is");
        assertThatThrownBy(() -> users.createUser("rules-noroles", "None", "a-fine-long-passphrase", List.of()))
                .hasMessage("A user needs at least one role");
        users.createUser("rules-fine", "Fine", "a-fine-long-passphrase", List.of(Role.VIEWER));
        assertThatThrownBy(() -> users.createUser("rules-fine", "Again", "another-fine-passphrase", List.of(Role.VIEWER)))
                .hasMessage("The user name rules-fine is taken");
        assertThatThrownBy(() -> users.changeOwnPassword("rules-fine", "wrong", "yet-another-passphrase"))
                .hasMessage("The current password is not right");
        assertThatThrownBy(() -> users.changeOwnPassword("rules-fine", "a-fine-long-passphrase", "qwertyuiop12"))
                .hasMessage("This password is among the most common ones; choose another");
        users.changeOwnPassword("rules-fine", "a-fine-long-passphrase", "yet-another-passphrase");
        assertThat(GraphFixtures.count(driver, "MATCH (u:User {username: 'rules-fine'}) "
                + "WHERE u.passwordHash STARTS WITH '{aes-gcm}' RETURN count(u)")).isEqualTo(1);
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheWindowPasses() throws Exception {
        users.createUser("lock-me", "Lock", "the-right-passphrase", List.of(Role.VIEWER));
        assertThat(get("/api/reports", "lock-me", "the-right-passphrase").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(get("/api/reports", "lock-me", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(get("/api/reports", "lock-me", "the-right-passphrase").statusCode())
                .as("four failures do not lock, and a success starts the count again").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/reports", "lock-me", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(get("/api/reports", "lock-me", "the-right-passphrase").statusCode())
                .as("locked: even the right password is refused").isEqualTo(401);
        assertThat(users.find("lock-me").orElseThrow().isLocked()).isTrue();
        assertThat(events("ACCOUNT_LOCKED", "lock-me")).isEqualTo(1);

        // fifteen minutes later
        GraphFixtures.run(driver, "MATCH (u:User {username: 'lock-me'}) SET u.lockedUntil = datetime() - duration('PT1S')");
        assertThat(get("/api/reports", "lock-me", "the-right-passphrase").statusCode()).isEqualTo(200);

        // an administrator can lift a lock early
        for (int i = 0; i < 5; i++) {
            get("/api/reports", "lock-me", "wrong-" + i);
        }
        assertThat(get("/api/reports", "lock-me", "the-right-passphrase").statusCode()).isEqualTo(401);
        users.unlock("lock-me");
        assertThat(get("/api/reports", "lock-me", "the-right-passphrase").statusCode()).isEqualTo(200);
    }

    @Test
    void disabledUsersAreRefused() throws Exception {
        users.createUser("disable-me", "Disable", "the-right-passphrase", List.of(Role.ANALYST));
        var token = tokens.create("disable-me", "script").token();
        assertThat(bearer("/api/reports", token).statusCode()).isEqualTo(200);
        users.change("disable-me", "Disable", List.of(Role.ANALYST), false);
        assertThat(get("/api/reports", "disable-me", "the-right-passphrase").statusCode()).isEqualTo(401);
        assertThat(bearer("/api/reports", token).statusCode()).as("their tokens stop too").isEqualTo(401);
        users.change("disable-me", "Disable", List.of(Role.ANALYST), true);
        assertThat(get("/api/reports", "disable-me", "the-right-passphrase").statusCode()).isEqualTo(200);
    }

    @Test
    void apiTokensAreCreatedUsedAndRevoked() throws Exception {
        var created = tokens.create("analyst", "nightly export");
        assertThat(created.token()).startsWith("lia_").hasSizeGreaterThan(40);
        assertThat(created.info().hint()).isEqualTo(created.token().substring(0, 8) + "…");
        assertThat(GraphFixtures.count(driver, "MATCH (t:ApiToken) WHERE t.hash = $plain OR t.hint = $plain RETURN count(t)",
                Map.of("plain", created.token()))).as("only a hash is stored").isZero();

        assertThat(bearer("/api/reports", created.token()).statusCode()).isEqualTo(200);
        var query = HttpRequest.newBuilder(URI.create(base() + "/api/query"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"RETURN 1 AS one\"}"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + created.token()).build();
        assertThat(http.send(query, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the token acts with the analyst's roles").isEqualTo(200);
        assertThat(tokens.list("analyst")).extracting(ApiTokens.TokenInfo::lastUsedAt).doesNotContainNull();

        var viewerToken = tokens.create("viewer", "viewer script").token();
        assertThat(bearer("/api/reports/payer-mix/run.csv", viewerToken).statusCode()).isEqualTo(403);

        tokens.revoke("analyst", created.info().id());
        assertThat(bearer("/api/reports", created.token()).statusCode()).isEqualTo(401);
        assertThat(bearer("/api/reports", "lia_not-a-token").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> tokens.revoke("manager", tokens.list("viewer").get(0).id()))
                .as("nobody revokes another user's token").isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String before = sessionCookie(page);
        assertThat(before).isNotNull();
        var login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("username=analyst&password=test-demo-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = sessionCookie(login);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));

        var headers = page.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void disablingChangingRolesOrResettingThePasswordEndsTheUsersSessions() throws Exception {
        users.createUser("session-disabled", "Disabled", "the-session-passphrase", List.of(Role.ANALYST));
        users.createUser("session-roles", "Roles", "the-session-passphrase", List.of(Role.ANALYST));
        users.createUser("session-reset", "Reset", "the-session-passphrase", List.of(Role.ANALYST));
        users.createUser("session-renamed", "Renamed", "the-session-passphrase", List.of(Role.ANALYST));
        String disabled = logIn("session-disabled", "the-session-passphrase");
        String roles = logIn("session-roles", "the-session-passphrase");
        String reset = logIn("session-reset", "the-session-passphrase");
        String renamed = logIn("session-renamed", "the-session-passphrase");
        String bystander = logIn("analyst", "test-demo-secret");
        for (String session : List.of(disabled, roles, reset, renamed, bystander)) {
            assertThat(page("/network", session).statusCode()).as("signed in").isEqualTo(200);
        }

        users.change("session-disabled", "Disabled", List.of(Role.ANALYST), false);
        users.change("session-roles", "Roles", List.of(Role.VIEWER), true);
        users.resetPassword("session-reset", "a-new-session-passphrase");
        users.change("session-renamed", "Renamed again", List.of(Role.ANALYST), true);

        for (String session : List.of(disabled, roles, reset)) {
            var refused = page("/network", session);
            assertThat(refused.statusCode()).as("the old session ended").isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            assertThat(page("/network", session).statusCode()).as("and stays ended").isEqualTo(302);
        }
        assertThat(page("/network", renamed).statusCode()).as("a new name shown ends nothing").isEqualTo(200);
        assertThat(page("/network", bystander).statusCode()).as("other users keep theirs").isEqualTo(200);
        assertThat(page("/network", logIn("session-roles", "the-session-passphrase")).statusCode())
                .as("signing in again works, with the new roles").isEqualTo(200);
    }

    /** Logs in through the login form; returns the session id. */
    private String logIn(String user, String password) throws Exception {
        var login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return sessionCookie(login);
    }

    private HttpResponse<String> page(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElse(null);
    }

    private long events(String type, String target) {
        return GraphFixtures.count(driver, "MATCH (e:AuditEvent {type: $type, target: $target}) RETURN count(e)",
                Map.of("type", type, "target", target));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
