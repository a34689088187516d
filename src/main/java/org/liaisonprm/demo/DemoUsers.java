package org.liaisonprm.demo;

import java.util.List;

import org.liaisonprm.base.Role;
import org.liaisonprm.security.StarterAccounts;
import org.springframework.stereotype.Component;

/**
 * With the demo region, one user per role beside the administrator — {@code manager}, {@code analyst},
 * {@code viewer} and the liaisons {@code liaison1} to {@code liaison4} of the demo territories — who share
 * {@code liaison.demo.users-password}.
 */
@Component
class DemoUsers implements StarterAccounts {

    private static final List<Account> USERS = List.of(
            new Account("manager", "Morgan Reyes (manager)", Role.MANAGER),
            new Account("analyst", "Avery Chen (analyst)", Role.ANALYST),
            new Account("viewer", "Vic Lindqvist (viewer)", Role.VIEWER),
            new Account("liaison1", "Lee Okafor (liaison)", Role.LIAISON),
            new Account("liaison2", "Sam Patel (liaison)", Role.LIAISON),
            new Account("liaison3", "Jordan Alvarez (liaison)", Role.LIAISON),
            new Account("liaison4", "Riley Nguyen (liaison)", Role.LIAISON));

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
