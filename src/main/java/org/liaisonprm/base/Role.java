package org.liaisonprm.base;

/**
 * What a user may do (docs/security.md holds the access matrix). A user may hold several roles.
 */
public enum Role implements Labelled {
    ADMIN("Administrator", "users, territories, imports, settings, the audit trail"),
    MANAGER("Manager", "everything of their team: goals, territories, plans"),
    ANALYST("Analyst", "all reports, ad-hoc and saved Cypher, exports"),
    LIAISON("Liaison", "the explorer and reports, their own territories' targets and plans, their own interactions"),
    VIEWER("Viewer", "the explorer and shared reports, read-only, no exports");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    /** The role an authority name stands for ({@code ROLE_ADMIN} or {@code ADMIN}), if it is one of ours. */
    public static java.util.Optional<Role> ofAuthority(String authority) {
        String name = authority.startsWith("ROLE_") ? authority.substring(5) : authority;
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
