package org.liaisonprm.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
}
