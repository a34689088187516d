package org.liaisonprm.security;

import java.util.List;

import org.liaisonprm.base.Role;

/**
 * Accounts created beside the first administrator on a fresh installation, sharing one password of their
 * own. The demo region contributes one per role; a feature above security provides the bean.
 */
public interface StarterAccounts {

    /** @param email where the weekly digest goes; null for none */
    record Account(String username, String displayName, Role role, String email) {
    }

    /** The accounts to create; empty when there are none (for example without the demo region). */
    List<Account> accounts();

    /** Their shared password as configured, or null or blank for a random one shown once in the log. */
    String configuredPassword();
}
