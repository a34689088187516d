package org.liaisonprm.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.liaisonprm.graph.GraphProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A secret of the server, kept outside the graph, that keys what the graph stores of credentials: password
 * hashes are encrypted with it and token digests are keyed hashes, so a copy of the stored values (a read of
 * the graph, a backup, a dump) cannot be cracked or matched offline.
 * <p>
 * It is {@code liaison.security.secret} when set (the same value on every instance that shares a graph), or
 * else a random secret generated at the first start in the data directory, readable by its owner only.
 */
@Component
public class ServerSecret {

    static final String FILE = "liaison-secret";

    private final byte[] master;

    ServerSecret(@Value("${liaison.security.secret:}") String configured, GraphProperties graph) {
        String secret = configured == null || configured.isBlank() ? readOrCreate(graph.dataDir().resolve(FILE)) : configured;
        this.master = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A key for one purpose, derived from the secret so that no two purposes share a key. */
    byte[] key(String purpose) {
        return hmac(master, purpose.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getEncoder().encodeToString(bytes);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the server secret " + file, e);
        }
    }
}
