package org.liaisonprm.security;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.Role;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The application's users, stored in the graph as {@code (:User)} nodes with BCrypt password hashes, and
 * what administrators and users do to accounts. Every change is audited. Disabling a user, changing their
 * roles or resetting their password ends their open sessions in the web UI: a session keeps the roles it
 * signed in with, so it must not outlive them (API calls authenticate each time and need nothing).
 */
@Service
public class UserAccounts implements UserDetailsService, org.liaisonprm.base.DisplayNames {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private static final Cypher SIGN_ON = Cypher.load("security/sign-on-user");
    private static final Cypher FIND = Cypher.load("security/find-user");
    private static final Cypher ALL = Cypher.load("security/all-users");
    private static final Cypher COUNT = Cypher.load("security/count-users");
    private static final Cypher SET_MAIL = Cypher.load("security/set-mail");
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s<>\"',;]+@[^@\\s<>\"',;]+\\.[^@\\s<>\"',;.]+");
    private static final Cypher CREATE = Cypher.load("security/create-user");
    private static final Cypher CHANGE = Cypher.load("security/change-user");
    private static final Cypher UNLOCK = Cypher.load("security/unlock-user");
    private static final Cypher FAILED_LOGIN = Cypher.load("security/failed-login");
    private static final Cypher SUCCEEDED_LOGIN = Cypher.load("security/succeeded-login");
    private static final Cypher SET_PASSWORD = Cypher.load("security/set-password");

    private final Graph graph;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final ObjectProvider<SessionRegistry> sessions;
    private final CredentialCache credentials;

    UserAccounts(Graph graph, PasswordEncoder passwordEncoder, AuditTrail audit,
                 ObjectProvider<SessionRegistry> sessions, CredentialCache credentials) {
        this.graph = graph;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.sessions = sessions;
    }

    public record UserAccount(String username, String passwordHash, String displayName, List<String> roles,
                              boolean enabled, int failedLogins, ZonedDateTime lockedUntil, ZonedDateTime createdAt,
                              ZonedDateTime lastLoginAt, String email, Boolean digest) {

        /**
         * Whether the weekly digest goes to this user: their own choice on My account, or by default for
         * liaisons and managers; never without an e-mail address or when the account is disabled.
         */
        public boolean receivesDigest() {
            if (email == null || email.isBlank() || !enabled) {
                return false;
            }
            return digest != null ? digest : has(Role.LIAISON) || has(Role.MANAGER);
        }

        public boolean isLocked() {
            return lockedUntil != null && lockedUntil.isAfter(ZonedDateTime.now());
        }

        public boolean has(Role role) {
            return roles.contains(role.name());
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username)
                .filter(account -> account.passwordHash() != null)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.roles().toArray(String[]::new))
                        .disabled(!account.enabled())
                        .accountLocked(account.isLocked())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such user, or one who signs in through single sign-on"));
    }

    /**
     * A user signed on through the identity provider: created at the first sign-on (no password; they
     * cannot use the login form), their roles and name refreshed at every one. A change leaves
     * {@code USER_CREATED} or {@code USER_CHANGED} in the audit trail.
     *
     * @return false when the user is disabled in Liaison
     */
    public boolean signedOn(String username, String displayName, Collection<Role> roles) {
        List<String> roleNames = roles.stream().map(Role::name).sorted().toList();
        var before = find(username);
        if (before.isPresent() && !before.get().enabled()) {
            return false;
        }
        graph.write(SIGN_ON, Map.of("username", username, "displayName", displayName, "roles", roleNames));
        credentials.forget(username);
        if (before.isEmpty()) {
            audit.record(AuditType.USER_CREATED, username, username, "single sign-on, roles " + roleNames, null, null);
        } else if (!before.get().roles().equals(roleNames)) {
            audit.record(AuditType.USER_CHANGED, username, username,
                    "roles " + before.get().roles() + " → " + roleNames + " from the identity provider", null, null);
        }
        return true;
    }

    /** The user's display name, or the user name when they have none or are unknown. */
    @Override
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return find(username).map(UserAccount::displayName).filter(n -> n != null && !n.isBlank()).orElse(username);
    }

    public Optional<UserAccount> find(String username) {
        return graph.readOne(FIND, Map.of("username", username), row -> account(row.get("u")));
    }

    public List<UserAccount> all() {
        return List.copyOf(graph.read(ALL, Map.of(), row -> account(row.get("u"))));
    }

    public long count() {
        return graph.readOne(COUNT, Map.of(), row -> row.get("n").asLong()).orElse(0L);
    }

    /**
     * Creates a user as the application itself does (the initial administrator, demo users): no password
     * rules, no audit. People create users with {@link #createUser(String, String, String, Collection)}.
     */
    public void create(String username, String rawPassword, String displayName, List<String> roles) {
        graph.write(CREATE, Map.of("username", username, "hash", passwordEncoder.encode(rawPassword),
                "displayName", displayName, "roles", roles));
    }

    /** As {@link #create(String, String, String, List)}, with an e-mail address (null for none). */
    public void create(String username, String rawPassword, String displayName, List<String> roles, String email) {
        create(username, rawPassword, displayName, roles);
        if (email != null) {
            var values = new java.util.HashMap<String, Object>();
            values.put("username", username);
            values.put("email", email);
            values.put("digest", null);
            graph.write(SET_MAIL, values);
        }
    }

    /**
     * An administrator creates a user.
     *
     * @throws IllegalArgumentException when the name is taken or malformed, a role unknown or the password weak
     */
    public UserAccount createUser(String username, String displayName, String rawPassword, Collection<Role> roles) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name is 2 to 40 lower-case letters, digits, dots, dashes or "
                    + "underscores, starting with a letter or digit");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("The user name " + name + " is taken");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        PasswordPolicy.check(name, rawPassword);
        create(name, rawPassword, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                roles.stream().map(Role::name).sorted().toList());
        audit.record(AuditType.USER_CREATED, name, "roles " + roles(roles), null, null);
        return find(name).orElseThrow();
    }

    /** An administrator changes a user's name shown, roles or whether the account may log in. */
    public UserAccount change(String username, String displayName, Collection<Role> roles, boolean enabled) {
        UserAccount before = existing(username);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        String shown = displayName == null || displayName.isBlank() ? username : displayName.strip();
        List<String> roleNames = roles.stream().map(Role::name).sorted().toList();
        graph.write(CHANGE, Map.of("username", username, "displayName", shown, "roles", roleNames,
                "enabled", enabled));
        credentials.forget(username);
        var changes = new StringBuilder();
        if (!before.roles().equals(roleNames)) {
            changes.append("roles ").append(before.roles()).append(" → ").append(roleNames).append("; ");
        }
        if (before.enabled() != enabled) {
            changes.append(enabled ? "enabled; " : "disabled; ");
        }
        if (!before.displayName().equals(shown)) {
            changes.append("display name; ");
        }
        audit.record(AuditType.USER_CHANGED, username, changes.isEmpty() ? "no change" : changes.toString().strip(),
                null, null);
        if (!before.roles().equals(roleNames) || before.enabled() != enabled) {
            endSessions(username);
        }
        return find(username).orElseThrow();
    }

    /** An administrator sets a new password; this also lifts a lock. */
    public void resetPassword(String username, String rawPassword) {
        existing(username);
        PasswordPolicy.check(username, rawPassword);
        setPassword(username, rawPassword);
        audit.record(AuditType.PASSWORD_CHANGED, username, "reset by an administrator", null, null);
        endSessions(username);
    }

    /** An administrator lifts a lock before its time. */
    public void unlock(String username) {
        existing(username);
        graph.write(UNLOCK, Map.of("username", username));
        credentials.forget(username);
        audit.record(AuditType.USER_CHANGED, username, "unlocked", null, null);
    }

    /**
     * A user changes their own password.
     *
     * @throws IllegalArgumentException when the current password is wrong or the new one weak
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = existing(username);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new IllegalArgumentException("The current password is not right");
        }
        PasswordPolicy.check(username, newPassword);
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw new IllegalArgumentException("The new password is the current one");
        }
        setPassword(username, newPassword);
        audit.record(AuditType.PASSWORD_CHANGED, username, username, "changed by the user", null, null);
    }

    /**
     * Counts a failed login; the attempt that reaches {@code attempts} locks the account.
     *
     * @return true when this failure locked the account
     */
    boolean failedLogin(String username, int attempts, java.time.Duration lockFor) {
        credentials.forget(username);
        return graph.bookkeeping(FAILED_LOGIN,
                        Map.of("username", username, "attempts", attempts, "seconds", lockFor.toSeconds()),
                        row -> row.get("lock").asBoolean())
                .stream().findFirst().orElse(false);
    }

    /** A successful login clears the count of failures (a no-op write when there were none). */
    void succeededLogin(String username, boolean interactive) {
        graph.bookkeeping(SUCCEEDED_LOGIN, Map.of("username", username, "interactive", interactive));
    }

    private void setPassword(String username, String rawPassword) {
        graph.write(SET_PASSWORD, Map.of("username", username, "hash", passwordEncoder.encode(rawPassword)));
        credentials.forget(username);
    }

    /**
     * Marks the user's web sessions expired; at their next request each is signed out and sent to the login
     * page. Does nothing outside a web application (no session registry).
     */
    private void endSessions(String username) {
        var registry = sessions.getIfAvailable();
        if (registry == null) {
            return;
        }
        for (Object principal : registry.getAllPrincipals()) {
            if (username.equals(nameOf(principal))) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    /** The user name of a form login's {@link UserDetails} or a single sign-on's principal. */
    private static String nameOf(Object principal) {
        if (principal instanceof UserDetails details) {
            return details.getUsername();
        }
        return principal instanceof AuthenticatedPrincipal named ? named.getName() : String.valueOf(principal);
    }

    /**
     * A user's e-mail address and whether they receive the weekly digest ({@code digest} null: the default
     * for their role). An empty address removes it. Leaves {@code USER_CHANGED} in the audit trail.
     *
     * @throws IllegalArgumentException when the address is not one
     */
    public UserAccount setMail(String username, String email, Boolean digest) {
        var before = existing(username);
        String address = email(email);
        var values = new java.util.HashMap<String, Object>();
        values.put("username", username);
        values.put("email", address);
        values.put("digest", digest);
        graph.write(SET_MAIL, values);
        if (!java.util.Objects.equals(before.email(), address) || !java.util.Objects.equals(before.digest(), digest)) {
            audit.record(AuditType.USER_CHANGED, username, "e-mail " + (address == null ? "removed" : address)
                    + ", weekly digest " + (digest == null ? "by role" : digest ? "on" : "off"), null, null);
        }
        return existing(username);
    }

    /**
     * The address as stored: stripped, null when blank.
     *
     * @throws IllegalArgumentException when it is not one address
     */
    public static String email(String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw new IllegalArgumentException("'" + address + "' is not an e-mail address (name@example.org)");
        }
        return address;
    }

    private UserAccount existing(String username) {
        return find(username).orElseThrow(() -> new NoSuchElementException("No user " + username));
    }

    private static String roles(Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList().toString();
    }

    private static UserAccount account(Value u) {
        String username = u.get("username").asString();
        return new UserAccount(username, u.get("passwordHash").asString(), u.get("displayName").asString(username),
                u.get("roles").asList(Value::asString), u.get("enabled").asBoolean(true),
                u.get("failedLogins").asInt(0), u.get("lockedUntil").asZonedDateTime(null),
                u.get("createdAt").asZonedDateTime(null), u.get("lastLoginAt").asZonedDateTime(null),
                u.get("email").asString(null), u.get("digest").isNull() ? null : u.get("digest").asBoolean());
    }
}
