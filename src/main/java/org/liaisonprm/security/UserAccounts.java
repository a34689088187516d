package org.liaisonprm.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's users, stored in the graph as {@code (:User)} nodes with BCrypt password hashes.
 */
@Service
public class UserAccounts implements UserDetailsService {

    private final Neo4jClient neo4j;
    private final PasswordEncoder passwordEncoder;

    UserAccounts(Neo4jClient neo4j, PasswordEncoder passwordEncoder) {
        this.neo4j = neo4j;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return find(username)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.roles().toArray(String[]::new))
                        .disabled(!account.enabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return neo4j.query("""
                        MATCH (u:User {username: $username})
                        RETURN u.username AS username, u.passwordHash AS hash, u.displayName AS displayName,
                               u.roles AS roles, coalesce(u.enabled, true) AS enabled
                        """)
                .bind(username).to("username")
                .fetchAs(UserAccount.class)
                .mappedBy((types, row) -> new UserAccount(row.get("username").asString(),
                        row.get("hash").asString(), row.get("displayName").asString(row.get("username").asString()),
                        row.get("roles").asList(v -> v.asString()), row.get("enabled").asBoolean()))
                .one();
    }

    @Transactional(readOnly = true)
    public long count() {
        return neo4j.query("MATCH (u:User) RETURN count(u) AS n").fetchAs(Long.class).one().orElse(0L);
    }

    /** Creates a user; the password is stored only as a BCrypt hash. */
    @Transactional
    public void create(String username, String rawPassword, String displayName, List<String> roles) {
        neo4j.query("""
                        CREATE (u:User {username: $username, passwordHash: $hash, displayName: $displayName,
                                        roles: $roles, enabled: true, createdAt: datetime()})
                        """)
                .bindAll(Map.of("username", username, "hash", passwordEncoder.encode(rawPassword),
                        "displayName", displayName, "roles", roles))
                .run();
    }

    public record UserAccount(String username, String passwordHash, String displayName, List<String> roles,
                              boolean enabled) {
    }
}
