package org.liaisonprm.security;

import java.security.SecureRandom;
import java.util.List;

import org.liaisonprm.base.Role;
import org.liaisonprm.graph.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} user when the graph holds no user at all, so a fresh installation can be
 * logged into. With the demo region it also creates the {@link StarterAccounts} it contributes (one user per
 * role), who share a password of their own: whoever is handed a demo login does not hold the administrator's.
 */
@Component
@Order(StartupOrder.USERS)
class InitialAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts users;
    private final SecurityProperties properties;
    private final ObjectProvider<StarterAccounts> starters;

    InitialAdmin(UserAccounts users, SecurityProperties properties, ObjectProvider<StarterAccounts> starters) {
        this.users = users;
        this.properties = properties;
        this.starters = starters;
    }

    /**
     * The administrator's password and, with the demo region, the demo users' one: each as configured, or
     * random when not.
     *
     * @param demoUsers null without the demo region
     */
    record Passwords(String admin, boolean adminGenerated, String demoUsers, boolean demoUsersGenerated) {

        /** @throws IllegalStateException when the demo users' password is configured as the administrator's */
        static Passwords choose(String configuredAdmin, boolean withDemoUsers, String configuredDemoUsers) {
            boolean adminGenerated = configuredAdmin == null || configuredAdmin.isBlank();
            String admin = adminGenerated ? randomPassword() : configuredAdmin;
            if (!withDemoUsers) {
                return new Passwords(admin, adminGenerated, null, false);
            }
            boolean demoGenerated = configuredDemoUsers == null || configuredDemoUsers.isBlank();
            String demoUsers = demoGenerated ? randomPassword() : configuredDemoUsers;
            while (demoUsers.equals(admin)) {
                if (!demoGenerated) {
                    throw new IllegalStateException("liaison.demo.users-password (LIAISON_DEMO_USERS_PASSWORD) is the "
                            + "administrator's password; the demo users need one of their own");
                }
                demoUsers = randomPassword();
            }
            return new Passwords(admin, adminGenerated, demoUsers, demoGenerated);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        var starter = starters.getIfAvailable();
        var demoUsers = starter == null ? List.<StarterAccounts.Account>of() : starter.accounts();
        var passwords = Passwords.choose(properties.initialAdminPassword(), !demoUsers.isEmpty(),
                starter == null ? null : starter.configuredPassword());
        users.create(USERNAME, passwords.admin(), "Administrator", List.of(Role.ADMIN.name()));
        if (passwords.demoUsers() != null) {
            for (StarterAccounts.Account user : demoUsers) {
                users.create(user.username(), passwords.demoUsers(), user.displayName(), List.of(user.role().name()),
                        user.email());
            }
        }
        var shown = new StringBuilder();
        if (passwords.adminGenerated()) {
            shown.append("\n  Created user '").append(USERNAME).append("' with the one-time password:  ")
                    .append(passwords.admin())
                    .append("\n    (liaison.security.initial-admin-password, LIAISON_SECURITY_INITIAL_ADMIN_PASSWORD, chooses it)");
        } else {
            log.info("Created user '{}' with the password from liaison.security.initial-admin-password", USERNAME);
        }
        if (passwords.demoUsersGenerated()) {
            shown.append("\n  Created the demo users manager, analyst, viewer and liaison1 to liaison4, who share the password:  ")
                    .append(passwords.demoUsers())
                    .append("\n    (liaison.demo.users-password, LIAISON_DEMO_USERS_PASSWORD, chooses it)");
        } else if (passwords.demoUsers() != null) {
            log.info("Created the demo users manager, analyst, viewer and liaison1 to liaison4 with the password from "
                    + "liaison.demo.users-password");
        }
        if (!shown.isEmpty()) {
            log.warn("""

                    ================================================================{}
                      They are shown only this once.
                    ================================================================""", shown);
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
