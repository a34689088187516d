package org.liaisonprm.security;

import java.security.SecureRandom;
import java.util.List;

import org.liaisonprm.graph.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} user when the graph holds no user at all, so a fresh installation can be
 * logged into.
 */
@Component
@Order(StartupOrder.USERS)
class InitialAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts users;
    private final SecurityProperties properties;

    InitialAdmin(UserAccounts users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String configured = properties.initialAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? randomPassword() : configured;
        users.create(USERNAME, password, "Administrator", List.of("ADMIN"));
        if (generated) {
            log.warn("""

                    ================================================================
                      Created user '{}' with the one-time password:  {}
                      It is shown only this once. Set liaison.security.initial-admin-password
                      (LIAISON_SECURITY_INITIAL_ADMIN_PASSWORD) to choose it instead.
                    ================================================================""", USERNAME, password);
        } else {
            log.info("Created user '{}' with the password from liaison.security.initial-admin-password", USERNAME);
        }
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
