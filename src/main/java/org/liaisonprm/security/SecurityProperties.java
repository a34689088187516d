package org.liaisonprm.security;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param initialAdminPassword password of the {@code admin} user created when no user exists (and of the
 *                             demo users); when unset a random one is generated and printed once to the log
 * @param lockout              when an account is locked after failed logins
 * @param oidc                 optional single sign-on through an OpenID Connect provider; off unless its
 *                             issuer URI is set
 * @param requestSize          the largest request bodies
 * @param credentialCache      how long a checked password or API token is trusted without checking it again
 */
@ConfigurationProperties("liaison.security")
public record SecurityProperties(String initialAdminPassword, @DefaultValue Lockout lockout, @DefaultValue Oidc oidc,
                                 @DefaultValue RequestSize requestSize, @DefaultValue CredentialCache credentialCache) {

    /**
     * @param ttl        how long a successful check of a password or token is reused (0: check every request);
     *                   a change to the user in this process ends it at once, in another instance after this long
     * @param maxEntries the most credentials remembered at once
     */
    public record CredentialCache(@DefaultValue("60s") Duration ttl, @DefaultValue("10000") int maxEntries) {
    }

    /**
     * @param attempts failed logins in a row that lock an account
     * @param duration how long it stays locked
     */
    public record Lockout(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration duration) {
    }

    /**
     * @param anonymous any body from a caller who has not signed in
     * @param json      a JSON body from a signed-in caller (the API, Vaadin's requests)
     * @param upload    any other body from a signed-in caller: imports on the Import page and
     *                  {@code POST /api/imports} ({@code spring.servlet.multipart.*} take the same value)
     */
    public record RequestSize(@DefaultValue("64KB") DataSize anonymous, @DefaultValue("1MB") DataSize json,
                              @DefaultValue("50GB") DataSize upload) {
    }

    /**
     * @param issuerUri     the provider's issuer, e.g. {@code https://login.example.org/realms/hospital}; its
     *                      discovery document is read at start-up
     * @param clientId      Liaison's client id at the provider
     * @param clientSecret  its secret
     * @param rolesClaim    the ID token or user-info claim that lists the user's roles or groups
     * @param roleMapping   claim values to Liaison roles (e.g. {@code liaison-managers: MANAGER}); values that
     *                      are themselves role names (any case) map to that role without an entry
     * @param usernameClaim the claim that gives the user name (falls back to {@code email}, then {@code sub})
     * @param label         the login page's button text
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, @DefaultValue("roles") String rolesClaim,
                       @DefaultValue Map<String, String> roleMapping,
                       @DefaultValue("preferred_username") String usernameClaim,
                       @DefaultValue("Sign in with single sign-on") String label) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
