package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.Http;
import org.liaisonprm.ServingTest;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API credentials whose check is reused: never after the user's password, roles, enabled state or lock
 * changed, nor after a token was revoked; and failed logins still lock the account.
 */
@ServingTest
class CredentialCacheTests {

    private static final String USER = "fx-cara";
    private static final String FIRST = "amber-willow-parade-4";
    private static final String SECOND = "copper-meadow-sketch-9";

    @Autowired
    UserAccounts users;

    @Autowired
    CredentialCache cache;

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void user() {
        GraphFixtures.run(driver, "MATCH (u:User {username: $u}) OPTIONAL MATCH (u)-[:HAS_TOKEN]->(t) DETACH DELETE u, t",
                java.util.Map.of("u", USER));
        users.createUser(USER, "Cara", FIRST, List.of(Role.ANALYST));
        http = new Http(port);
    }

    private int status(String method, String path, String body, String authorization) throws Exception {
        return http.send(method, path, body, authorization).statusCode();
    }

    private int query(String authorization) throws Exception {
        return status("POST", "/api/query", "{\"cypher\": \"RETURN 1 AS one\"}", authorization);
    }

    @Test
    void aChangedPasswordEndsTheReusedCheckAtOnce() throws Exception {
        assertThat(query(USER + ":" + FIRST)).isEqualTo(200);
        assertThat(query(USER + ":" + FIRST)).as("the reused check").isEqualTo(200);
        assertThat(cache.find(cache.passwordKey(USER, FIRST))).as("remembered").isPresent();

        users.resetPassword(USER, SECOND);
        assertThat(query(USER + ":" + FIRST)).as("the old password").isEqualTo(401);
        assertThat(query(USER + ":" + SECOND)).isEqualTo(200);

        users.changeOwnPassword(USER, SECOND, FIRST);
        assertThat(query(USER + ":" + SECOND)).isEqualTo(401);
        assertThat(query(USER + ":" + FIRST)).isEqualTo(200);
    }

    @Test
    void changedRolesAndADisabledAccountApplyAtOnce() throws Exception {
        assertThat(query(USER + ":" + FIRST)).isEqualTo(200);
        users.change(USER, "Cara", List.of(Role.VIEWER), true);
        assertThat(query(USER + ":" + FIRST)).as("a viewer may not run ad-hoc Cypher").isEqualTo(403);
        assertThat(status("GET", "/api/reports", null, USER + ":" + FIRST)).isEqualTo(200);

        users.change(USER, "Cara", List.of(Role.VIEWER), false);
        assertThat(status("GET", "/api/reports", null, USER + ":" + FIRST)).isEqualTo(401);
    }

    @Test
    void aRevokedTokenStopsAtOnceAndATokenCannotMintAnother() throws Exception {
        var created = http.send("POST", "/api/account/tokens", "{\"name\": \"nightly export\"}", USER + ":" + FIRST);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = Http.json(created).path("token").asText();
        String id = Http.json(created).path("id").asText();
        assertThat(token).startsWith("lia_");

        assertThat(query(token)).isEqualTo(200);
        assertThat(query(token)).as("the reused check").isEqualTo(200);
        var minted = http.send("POST", "/api/account/tokens", "{\"name\": \"more\"}", token);
        assertThat(minted.statusCode()).isEqualTo(403);
        assertThat(Http.json(minted).path("error").asText()).contains("password");

        assertThat(status("DELETE", "/api/account/tokens/" + id, null, USER + ":" + FIRST)).isEqualTo(204);
        var refused = http.send("POST", "/api/query", "{\"cypher\": \"RETURN 1 AS one\"}", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.json(refused).path("status").asInt()).isEqualTo(401);

        var second = Http.json(http.send("POST", "/api/account/tokens", "{\"name\": \"again\"}", USER + ":" + FIRST));
        assertThat(query(second.path("token").asText())).isEqualTo(200);
        users.change(USER, "Cara", List.of(Role.ANALYST), false);
        assertThat(query(second.path("token").asText())).as("a disabled user's token").isEqualTo(401);
    }

    @Test
    void failedLoginsStillLockTheAccountWhileTheRightPasswordWasRemembered() throws Exception {
        assertThat(query(USER + ":" + FIRST)).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(query(USER + ":wrong-guess-" + i)).isEqualTo(401);
        }
        assertThat(users.find(USER).orElseThrow().isLocked()).isTrue();
        assertThat(query(USER + ":" + FIRST)).as("locked, although the password is right").isEqualTo(401);
        users.unlock(USER);
        assertThat(query(USER + ":" + FIRST)).isEqualTo(200);
    }

    @Test
    void aSuccessAfterAFailureIsCheckedAfreshAndClearsTheCount() throws Exception {
        assertThat(query(USER + ":" + FIRST)).isEqualTo(200);
        assertThat(query(USER + ":wrong-guess")).isEqualTo(401);
        assertThat(users.find(USER).orElseThrow().failedLogins()).isEqualTo(1);
        assertThat(cache.find(cache.passwordKey(USER, FIRST))).as("a failure ends the remembered check").isEmpty();
        assertThat(query(USER + ":" + FIRST)).isEqualTo(200);
        assertThat(users.find(USER).orElseThrow().failedLogins()).as("the success cleared the count").isZero();
    }
}
