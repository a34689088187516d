package org.liaisonprm.report;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking for reports: decides which saved reports they see and whether they may write Cypher.
 *
 * @param username null for work done by the application itself (no signed-in user)
 */
public record ReportUser(String username, Set<String> roles) {

    public static final ReportUser NOBODY = new ReportUser(null, Set.of());

    /**
     * The signed-in user of the current request, or {@link #NOBODY}. Inside the UI the Vaadin session
     * holds the user; code serving the REST API passes the chain's own strategy to {@link #of}.
     */
    public static ReportUser current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The user an authentication stands for, or {@link #NOBODY}. */
    public static ReportUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            return NOBODY;
        }
        return new ReportUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Administrators and managers see the whole team's outreach; a liaison sees their own. */
    public boolean seesTeamOutreach() {
        return isAdmin() || roles.contains("MANAGER");
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** Administrators and analysts write Cypher: ad-hoc queries and saved reports. */
    public boolean mayWriteCypher() {
        return isAdmin() || roles.contains("ANALYST");
    }

    /** Everyone but a plain viewer downloads results (docs/security.md). */
    public boolean mayExport() {
        return isAdmin() || roles.contains("MANAGER") || roles.contains("ANALYST") || roles.contains("LIAISON");
    }

    /** Owners change their saved reports; administrators change any. */
    public boolean mayChange(ReportDefinition report) {
        return report.isSaved() && username != null && mayWriteCypher()
                && (isAdmin() || username.equals(report.saved().owner()));
    }

    /**
     * Built-in outreach reports read interactions and territories, which analysts and viewers do not see
     * (docs/security.md); administrators, managers and liaisons do, a liaison only their own.
     */
    public boolean maySee(ReportDefinition report) {
        if (report.readsOutreach()) {
            return isAdmin() || roles.contains("MANAGER") || roles.contains("LIAISON");
        }
        return !report.isSaved() || report.saved().shared() || isAdmin()
                || (username != null && username.equals(report.saved().owner()));
    }
}
