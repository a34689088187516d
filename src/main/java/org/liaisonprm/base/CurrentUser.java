package org.liaisonprm.base;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, and what their roles let them do (docs/security.md holds the access matrix). Every feature
 * asks this one record rather than comparing role names itself.
 *
 * @param username null for work done by the application itself (no signed-in user)
 */
public record CurrentUser(String username, Set<Role> roles) {

    public static final CurrentUser NOBODY = new CurrentUser(null, Set.of());

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static CurrentUser of(String username, Role... roles) {
        return new CurrentUser(username, Set.of(roles));
    }

    /**
     * The signed-in user of the current request, or {@link #NOBODY}. Inside the UI the Vaadin session holds
     * the user; code serving the REST API passes the chain's own strategy's authentication to {@link #of}.
     */
    public static CurrentUser current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The user an authentication stands for, or {@link #NOBODY}; authorities that are not roles are ignored. */
    public static CurrentUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            return NOBODY;
        }
        var roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(Role::ofAuthority)
                .flatMap(Optional::stream)
                .forEach(roles::add);
        return new CurrentUser(authentication.getName(), roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Administrators and managers see the whole team's territories, plans, interactions and outreach reports. */
    public boolean seesTeam() {
        return isAdmin() || has(Role.MANAGER);
    }

    /** Administrators and managers edit territories and goals. */
    public boolean managesTerritories() {
        return seesTeam();
    }

    /** Liaisons, managers and administrators log interactions and plan visits, and read outreach reports. */
    public boolean doesOutreach() {
        return seesTeam() || has(Role.LIAISON);
    }

    /** Administrators and analysts write Cypher: ad-hoc queries and saved reports. */
    public boolean mayWriteCypher() {
        return isAdmin() || has(Role.ANALYST);
    }

    /** Everyone but a plain viewer downloads results. */
    public boolean mayExport() {
        return isAdmin() || has(Role.MANAGER) || has(Role.ANALYST) || has(Role.LIAISON);
    }

    /** True when this user is {@code username}. */
    public boolean is(String username) {
        return this.username != null && this.username.equals(username);
    }
}
