package org.liaisonprm.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Checks a user name and password as Spring Security's {@link DaoAuthenticationProvider} does (BCrypt,
 * disabled and locked accounts refused), and reuses a successful check from the {@link CredentialCache}:
 * the login form and HTTP Basic both come through here.
 */
final class RememberingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider check;
    private final CredentialCache cache;

    RememberingAuthenticationProvider(DaoAuthenticationProvider check, CredentialCache cache) {
        this.check = check;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        if (!cache.enabled() || username == null || !(attempt.getCredentials() instanceof String password)) {
            return check.authenticate(attempt);
        }
        String key = cache.passwordKey(username, password);
        var remembered = cache.find(key);
        if (remembered.isPresent()) {
            return new CredentialCache.Remembered(remembered.get(), attempt.getDetails());
        }
        long generation = cache.generation(username);
        Authentication result = check.authenticate(attempt);
        if (result != null && result.getPrincipal() instanceof UserDetails user) {
            cache.rememberPassword(key, user, generation);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
