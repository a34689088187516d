package org.liaisonprm.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param initialAdminPassword password of the {@code admin} user created when no user exists; when unset
 *                             a random one is generated and printed once to the log
 */
@ConfigurationProperties("liaison.security")
public record SecurityProperties(String initialAdminPassword) {
}
