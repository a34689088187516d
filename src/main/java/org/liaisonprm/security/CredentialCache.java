package org.liaisonprm.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Successful checks of API credentials, reused for {@code liaison.security.credential-cache.ttl}: BCrypt is
 * made to be slow, and an API client sends its password with every request.
 * <p>
 * A credential is remembered under a keyed hash (a random key of this process) of what was sent, never the
 * credential itself. Any change to a user in this process (password, roles, enabled, a lock or a failed
 * login, a revoked token) advances that user's generation, and an entry of an older generation is never used;
 * token entries, whose user is known only after looking the token up, follow a generation of all users. A
 * failed login ends the user's entries, so that the next success is checked afresh and clears the failure
 * count as before.
 */
@Component
class CredentialCache {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key = new byte[32];
    private final long ttlMillis;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong everyone = new AtomicLong();

    CredentialCache(SecurityProperties properties) {
        RANDOM.nextBytes(key);
        this.ttlMillis = properties.credentialCache().ttl().toMillis();
        this.maxEntries = properties.credentialCache().maxEntries();
    }

    private record Entry(UserDetails user, long generation, boolean anyUser, long expiresAt) {
    }

    /** An authentication answered from this cache: nothing about the login was checked or written again. */
    static final class Remembered extends UsernamePasswordAuthenticationToken {

        Remembered(UserDetails user, Object details) {
            super(user, null, user.getAuthorities());
            setDetails(details);
        }
    }

    boolean enabled() {
        return ttlMillis > 0 && maxEntries > 0;
    }

    /** The key a password sent for a user name is remembered under. */
    String passwordKey(String username, String password) {
        return keyed("password", username, password);
    }

    /** The key an API token is remembered under. */
    String tokenKey(String token) {
        return keyed("token", token);
    }

    /** The generation to pass to {@link #rememberPassword}; read it before checking the password. */
    long generation(String username) {
        return generations.computeIfAbsent(username, name -> new AtomicLong()).get();
    }

    /** The generation to pass to {@link #rememberToken}; read it before looking the token up. */
    long everyoneGeneration() {
        return everyone.get();
    }

    void rememberPassword(String key, UserDetails user, long generation) {
        put(key, new Entry(user, generation, false, System.currentTimeMillis() + ttlMillis));
    }

    void rememberToken(String key, UserDetails user, long everyoneGeneration) {
        put(key, new Entry(user, everyoneGeneration, true, System.currentTimeMillis() + ttlMillis));
    }

    /** The user a remembered credential stands for, while it is fresh and nothing changed the user since. */
    Optional<UserDetails> find(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        long current = entry.anyUser() ? everyone.get() : generation(entry.user().getUsername());
        if (entry.generation() != current || System.currentTimeMillis() > entry.expiresAt()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    /** Forgets every credential of the user: their password, roles, state or tokens changed. */
    void forget(String username) {
        generations.computeIfAbsent(username, name -> new AtomicLong()).incrementAndGet();
        everyone.incrementAndGet();
        entries.values().removeIf(entry -> entry.user().getUsername().equals(username));
    }

    int size() {
        return entries.size();
    }

    private void put(String key, Entry entry) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = System.currentTimeMillis();
            entries.values().removeIf(e -> now > e.expiresAt());
            if (entries.size() >= maxEntries) {
                entries.clear(); // a flood of distinct credentials: start again rather than grow
            }
        }
        entries.put(key, entry);
    }

    private String keyed(String kind, String... parts) {
        var text = new StringBuilder(kind);
        for (String part : parts) {
            text.append('\u0000').append(part);
        }
        return HexFormat.of().formatHex(ServerSecret.hmac(key, text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
