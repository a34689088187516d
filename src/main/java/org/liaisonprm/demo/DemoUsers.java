package org.liaisonprm.demo;

import java.util.List;

import org.liaisonprm.base.Role;
import org.liaisonprm.security.StarterAccounts;
import org.springframework.stereotype.Component;

/**
 * With the demo region, one user per role beside the administrator — {@code manager}, {@code analyst},
 * {@code viewer} and the liaisons {@code liaison1} to {@code liaison4} of the demo territories — who share
 * {@code liaison.demo.users-password}. Each has an address at {@code riverbend-health.example} for the weekly
 * digest.
 */
@Component
class DemoUsers implements StarterAccounts {

    private static final List<Account> USERS = List.of(
            new Account("manager", "Morgan Reyes (manager)", Role.MANAGER, "manager@riverbend-health.example"),
            new Account("analyst", "Avery Chen (analyst)", Role.ANALYST, "analyst@riverbend-health.example"),
            new Account("viewer", "Vic Lindqvist (viewer)", Role.VIEWER, "viewer@riverbend-health.example"),
            new Account("liaison1", "Lee Okafor (liaison)", Role.LIAISON, "liaison1@riverbend-health.example"),
            new Account("liaison2", "Sam Patel (liaison)", Role.LIAISON, "liaison2@riverbend-health.example"),
            new Account("liaison3", "Jordan Alvarez (liaison)", Role.LIAISON, "liaison3@riverbend-health.example"),
            new Account("liaison4", "Riley Nguyen (liaison)", Role.LIAISON, "liaison4@riverbend-health.example"));

    private final DemoProperties demo;

    DemoUsers(DemoProperties demo) {
        this.demo = demo;
    }

    @Override
    public List<Account> accounts() {
        return demo.enabled() ? USERS : List.of();
    }

    @Override
    public String configuredPassword() {
        return demo.usersPassword();
    }
}
