package org.liaisonprm.security;

import java.util.Map;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.StartupOrder;
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

    private static final Cypher UNKEYED_PASSWORDS = Cypher.load("security/unkeyed-passwords");
    private static final Cypher KEY_PASSWORD = Cypher.load("security/key-password");
    private static final Cypher UNKEYED_TOKENS = Cypher.load("security/unkeyed-tokens");
    private static final Cypher KEY_TOKEN = Cypher.load("security/key-token");

    private final Graph graph;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;

    CredentialMigration(Graph graph, PasswordEncoder passwords, ApiTokens tokens) {
        this.graph = graph;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(passwords instanceof KeyedPasswordEncoder keyed)) {
            return;
        }
        int users = graph.write(tx -> {
            var legacy = tx.list(UNKEYED_PASSWORDS, Map.of("prefix", KeyedPasswordEncoder.PREFIX), row -> row);
            for (var user : legacy) {
                tx.run(KEY_PASSWORD, Map.of("username", user.get("username").asString(),
                        "hash", keyed.seal(user.get("hash").asString())));
            }
            return legacy.size();
        });
        int apiTokens = graph.write(tx -> {
            var legacy = tx.list(UNKEYED_TOKENS, Map.of("prefix", ApiTokens.KEYED), row -> row);
            for (var token : legacy) {
                tx.run(KEY_TOKEN, Map.of("id", token.get("id").asString(),
                        "hash", tokens.keyed(token.get("hash").asString())));
            }
            return legacy.size();
        });
        if (users + apiTokens > 0) {
            log.info("Keyed the stored credentials of {} users and {} API tokens with the server secret",
                    users, apiTokens);
        }
    }
}
