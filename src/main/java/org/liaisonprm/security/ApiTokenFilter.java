package org.liaisonprm.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer lia_…}. A token that is unknown, revoked,
 * or whose user is disabled or locked gets 401 at once.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserAccounts users;
    private final SecurityContextHolderStrategy security;

    /** @param security the strategy the rest of the filter chain reads the caller from */
    ApiTokenFilter(ApiTokens tokens, UserAccounts users, SecurityContextHolderStrategy security) {
        this.tokens = tokens;
        this.users = users;
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        UserDetails user = tokens.owner(header.substring(7).strip()).flatMap(name -> {
            try {
                return java.util.Optional.of(users.loadUserByUsername(name));
            } catch (UsernameNotFoundException e) {
                return java.util.Optional.empty();
            }
        }).filter(u -> u.isEnabled() && u.isAccountNonLocked()).orElse(null);
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Liaison\", error=\"invalid_token\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
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
