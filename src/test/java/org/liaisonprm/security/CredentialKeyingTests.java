package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.Role;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the graph holds of credentials is useless without the server secret: a stored password hash is not a
 * BCrypt hash anyone could test guesses against, a stored token digest is not the token's SHA-256; and
 * credentials stored before they were keyed are keyed at start-up and keep working.
 */
@EmptyGraphTest
class CredentialKeyingTests {

    private static final String PASSWORD = "a-long-keyed-passphrase";

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    CredentialMigration migration;

    @Autowired
    Driver driver;

    @Test
    void aStoredPasswordHashCannotBeCheckedWithoutTheSecret() {
        users.createUser("keyed-user", "Keyed", PASSWORD, List.of(Role.VIEWER));
        String stored = storedHash("keyed-user");
        assertThat(stored).startsWith("{aes-gcm}").doesNotContain("$2a$");
        assertThat(stored).as("stored value as a BCrypt hash").doesNotMatch("\\$2[aby]?\\$\\d\\d\\$.{53}");
        assertThat(passwords.matches(PASSWORD, stored)).isTrue();
        assertThat(passwords.matches("another-long-passphrase", stored)).isFalse();
        // the same value under another server's secret matches nothing
        var otherServer = new KeyedPasswordEncoder(new ServerSecret("another-secret", null));
        assertThat(otherServer.matches(PASSWORD, stored)).isFalse();
    }

    @Test
    void aStoredTokenDigestIsKeyed() throws Exception {
        users.createUser("keyed-tokens", "Tokens", PASSWORD, List.of(Role.VIEWER));
        String token = tokens.create("keyed-tokens", "script").token();
        String stored = GraphFixtures.rows(driver, "MATCH (:User {username: 'keyed-tokens'})-[:HAS_TOKEN]->(t) RETURN t.hash AS h",
                Map.of()).get(0).get("h").asString();
        assertThat(stored).startsWith(ApiTokens.KEYED).doesNotContain(sha256(token));
        assertThat(tokens.owner(token)).contains("keyed-tokens");
    }

    @Test
    void credentialsStoredBeforeAreKeyedAtStartUpAndKeepWorking() throws Exception {
        users.createUser("legacy-user", "Legacy", PASSWORD, List.of(Role.VIEWER));
        String token = tokens.create("legacy-user", "old script").token();
        GraphFixtures.run(driver, """
                MATCH (u:User {username: 'legacy-user'})-[:HAS_TOKEN]->(t)
                SET u.passwordHash = $bcrypt, t.hash = $sha
                """, Map.of("bcrypt", new BCryptPasswordEncoder().encode(PASSWORD), "sha", sha256(token)));
        assertThat(BCrypt.checkpw(PASSWORD, storedHash("legacy-user"))).as("a plain hash before").isTrue();

        migration.run(null);

        assertThat(storedHash("legacy-user")).startsWith("{aes-gcm}");
        assertThat(passwords.matches(PASSWORD, storedHash("legacy-user"))).isTrue();
        assertThat(tokens.owner(token)).contains("legacy-user");
    }

    private String storedHash(String username) {
        return GraphFixtures.rows(driver, "MATCH (u:User {username: $u}) RETURN u.passwordHash AS h", Map.of("u", username))
                .get(0).get("h").asString();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
