package org.liaisonprm.outreach;

import java.util.Set;

import org.liaisonprm.report.ReportUser;

/**
 * Who asks, as outreach scopes it (docs/security.md): administrators and managers see every territory, plan
 * and interaction; a liaison sees the territories they cover and changes only their own interactions.
 */
public record OutreachUser(String username, Set<String> roles) {

    public static OutreachUser of(ReportUser user) {
        return new OutreachUser(user.username(), user.roles());
    }

    public static OutreachUser current() {
        return of(ReportUser.current());
    }

    /** Administrators and managers see the whole team's territories, plans and interactions. */
    public boolean seesTeam() {
        return roles.contains("ADMIN") || roles.contains("MANAGER");
    }

    /** Administrators and managers edit territories and goals. */
    public boolean managesTerritories() {
        return seesTeam();
    }

    /** Liaisons, managers and administrators log interactions and plan visits. */
    public boolean doesOutreach() {
        return seesTeam() || roles.contains("LIAISON");
    }
}
