package org.liaisonprm.security;

import java.security.SecureRandom;
import java.util.List;

import org.liaisonprm.demo.DemoProperties;
import org.liaisonprm.graph.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} user when the graph holds no user at all, so a fresh installation can be
 * logged into. With the demo region it also creates one user per role — {@code manager}, {@code analyst},
 * {@code viewer} and the liaisons {@code liaison1} to {@code liaison4} of the demo territories — with the same
 * password.
 */
@Component
@Order(StartupOrder.USERS)
class InitialAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** The demo users: user name, name shown, role. */
    static final List<List<String>> DEMO_USERS = List.of(
            List.of("manager", "Morgan Reyes (manager)", "MANAGER"),
            List.of("analyst", "Avery Chen (analyst)", "ANALYST"),
            List.of("viewer", "Vic Lindqvist (viewer)", "VIEWER"),
            List.of("liaison1", "Lee Okafor (liaison)", "LIAISON"),
            List.of("liaison2", "Sam Patel (liaison)", "LIAISON"),
            List.of("liaison3", "Jordan Alvarez (liaison)", "LIAISON"),
            List.of("liaison4", "Riley Nguyen (liaison)", "LIAISON"));

    private final UserAccounts users;
    private final SecurityProperties properties;
    private final DemoProperties demo;

    InitialAdmin(UserAccounts users, SecurityProperties properties, DemoProperties demo) {
        this.users = users;
        this.properties = properties;
        this.demo = demo;
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
        if (demo.enabled()) {
            for (List<String> user : DEMO_USERS) {
                users.create(user.get(0), password, user.get(1), List.of(user.get(2)));
            }
            log.info("Created the demo users manager, analyst, viewer and liaison1 to liaison4 with admin's password");
        }
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
