package org.liaisonprm.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored as BCrypt hashes encrypted with the server's secret, whether or not this process
 * serves the web UI (the benchmark and command-line modes run without it).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(ServerSecret secret) {
        return new KeyedPasswordEncoder(secret);
    }

    /** How the login form and HTTP Basic check a user name and password; API callers' checks are reused. */
    @Bean
    AuthenticationProvider passwordAuthentication(UserAccounts users, PasswordEncoder passwords, CredentialCache cache) {
        var check = new DaoAuthenticationProvider(users);
        check.setPasswordEncoder(passwords);
        return new RememberingAuthenticationProvider(check, cache);
    }
}
