package org.liaisonprm.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdminPassword password of the {@code admin} user created when no user exists (and of the
 *                             demo users); when unset a random one is generated and printed once to the log
 * @param lockout              when an account is locked after failed logins
 */
@ConfigurationProperties("liaison.security")
public record SecurityProperties(String initialAdminPassword, @DefaultValue Lockout lockout) {

    /**
     * @param attempts failed logins in a row that lock an account
     * @param duration how long it stays locked
     */
    public record Lockout(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration duration) {
    }
}
