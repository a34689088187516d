package org.liaisonprm.security;

import java.util.Map;

import org.liaisonprm.graph.StartupOrder;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * At start-up, keys the credentials a store holds from before they were keyed with the server secret:
 * plain BCrypt hashes are encrypted, plain token digests become keyed digests. Neither needs the password or
 * the token, so every account and token keeps working.
 */
@Component
@Order(StartupOrder.USERS - 1)
class CredentialMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CredentialMigration.class);

    private final Driver driver;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;

    CredentialMigration(Driver driver, PasswordEncoder passwords, ApiTokens tokens) {
        this.driver = driver;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(passwords instanceof KeyedPasswordEncoder keyed)) {
            return;
        }
        try (var session = driver.session()) {
            int users = session.executeWrite(tx -> {
                var legacy = tx.run("""
                        MATCH (u:User) WHERE u.passwordHash IS NOT NULL AND NOT u.passwordHash STARTS WITH $prefix
                        RETURN u.username AS username, u.passwordHash AS hash
                        """, Map.of("prefix", KeyedPasswordEncoder.PREFIX)).list();
                for (var user : legacy) {
                    tx.run("MATCH (u:User {username: $username}) SET u.passwordHash = $hash",
                            Map.of("username", user.get("username").asString(),
                                    "hash", keyed.seal(user.get("hash").asString()))).consume();
                }
                return legacy.size();
            });
            int apiTokens = session.executeWrite(tx -> {
                var legacy = tx.run("""
                        MATCH (t:ApiToken) WHERE NOT t.hash STARTS WITH $prefix RETURN t.id AS id, t.hash AS hash
                        """, Map.of("prefix", ApiTokens.KEYED)).list();
                for (var token : legacy) {
                    tx.run("MATCH (t:ApiToken {id: $id}) SET t.hash = $hash",
                            Map.of("id", token.get("id").asString(), "hash", tokens.keyed(token.get("hash").asString())))
                            .consume();
                }
                return legacy.size();
            });
            if (users + apiTokens > 0) {
                log.info("Keyed the stored credentials of {} users and {} API tokens with the server secret",
                        users, apiTokens);
            }
        }
    }
}
