package org.liaisonprm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Per-user API tokens for the REST API ({@code Authorization: Bearer lia_…}), an alternative to HTTP Basic
 * that never exposes the password. A token is shown once when created; only its SHA-256 hash is stored
 * (a token is 256 random bits, so a fast hash is enough). Revoking deletes it.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "lia_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Cypher CREATE = Cypher.load("security/create-token");
    private static final Cypher LIST = Cypher.load("security/list-tokens");
    private static final Cypher REVOKE = Cypher.load("security/revoke-token");
    private static final Cypher OWNER = Cypher.load("security/token-owner");

    private final Graph graph;
    private final AuditTrail audit;
    private final CredentialCache credentials;

    private final byte[] digestKey;

    ApiTokens(Graph graph, AuditTrail audit, ServerSecret secret, CredentialCache credentials) {
        this.graph = graph;
        this.credentials = credentials;
        this.audit = audit;
        this.digestKey = secret.key("api-token");
    }

    /** What the owner sees of a token after creating it: never the token itself. */
    public record TokenInfo(String id, String name, String hint, ZonedDateTime createdAt, ZonedDateTime lastUsedAt) {
    }

    /** A new token: the plain text is in {@code token}, shown once. */
    public record NewToken(TokenInfo info, String token) {
    }

    public NewToken create(String username, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the token a name, e.g. what will use it");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        // bookkeeping: no report, picture or list reads tokens, so answers reused so far stay valid
        graph.bookkeeping(CREATE, Map.of("username", username, "id", id, "name", name.strip(), "hash", hash(token),
                "hint", token.substring(0, PREFIX.length() + 4) + "…"));
        audit.record(AuditType.TOKEN_CREATED, username, username, name.strip(), null, null);
        return new NewToken(list(username).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(), token);
    }

    public List<TokenInfo> list(String username) {
        return List.copyOf(graph.read(LIST, Map.of("username", username), row -> info(row.get("t"))));
    }

    /** Revokes one of the user's own tokens. */
    public void revoke(String username, String id) {
        var info = list(username).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No such token"));
        graph.bookkeeping(REVOKE, Map.of("username", username, "id", id));
        credentials.forget(username);
        audit.record(AuditType.TOKEN_REVOKED, username, username, info.name(), null, null);
    }

    /**
     * The user a token belongs to, when it is a live token; notes when it was last used (a token whose check
     * is reused from the {@link CredentialCache} is noted again when the check is next made).
     */
    Optional<String> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return graph.bookkeeping(OWNER, Map.of("hash", hash(token)), row -> row.get("username").asString())
                .stream().findFirst();
    }

    private static TokenInfo info(Value t) {
        return new TokenInfo(t.get("id").asString(), t.get("name").asString(), t.get("hint").asString(),
                t.get("createdAt").asZonedDateTime(null), t.get("lastUsedAt").asZonedDateTime(null));
    }

    /** What is stored of a token: a keyed hash of its SHA-256 digest (see {@link #keyed}). */
    private String hash(String token) {
        return keyed(sha256(token));
    }

    /**
     * The keyed form of a token's SHA-256 digest. Tokens stored before digests were keyed hold the plain
     * digest; {@link CredentialMigration} rewrites them with this, without needing the token.
     */
    String keyed(String sha256) {
        return KEYED + HexFormat.of().formatHex(ServerSecret.hmac(digestKey, sha256.getBytes(StandardCharsets.UTF_8)));
    }

    static final String KEYED = "hmac-sha256:";

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
