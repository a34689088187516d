package org.liaisonprm.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.liaisonprm.graph.GraphUnavailableException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer lia_…}. A token that is unknown, revoked,
 * or whose user is disabled or locked gets 401 at once; while the graph cannot be reached, 503. A successful
 * check is reused from the {@link CredentialCache}.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserAccounts users;
    private final CredentialCache cache;
    private final SecurityContextHolderStrategy security;

    /** @param security the strategy the rest of the filter chain reads the caller from */
    ApiTokenFilter(ApiTokens tokens, UserAccounts users, CredentialCache cache, SecurityContextHolderStrategy security) {
        this.tokens = tokens;
        this.users = users;
        this.cache = cache;
        this.security = security;
    }

    /** A caller signed in with an API token rather than a password. */
    static final class ByToken extends UsernamePasswordAuthenticationToken {

        ByToken(UserDetails user) {
            super(user, null, user.getAuthorities());
        }
    }

    private UserDetails owner(String token) {
        String key = cache.tokenKey(token);
        var remembered = cache.find(key);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        long generation = cache.everyoneGeneration();
        UserDetails user = tokens.owner(token).flatMap(name -> {
            try {
                return java.util.Optional.of(users.loadUserByUsername(name));
            } catch (UsernameNotFoundException e) {
                return java.util.Optional.empty();
            }
        }).filter(u -> u.isEnabled() && u.isAccountNonLocked()).orElse(null);
        if (user != null) {
            cache.rememberToken(key, user, generation);
        }
        return user;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        UserDetails user;
        try {
            user = owner(header.substring(7).strip());
        } catch (GraphUnavailableException e) {
            ApiErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Liaison\", error=\"invalid_token\"");
            ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The API token is unknown or revoked, or its user may not sign in");
            return;
        }
        var authentication = new ByToken(user);
        var context = security.createEmptyContext();
        context.setAuthentication(authentication);
        security.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            security.clearContext();
        }
    }
}
