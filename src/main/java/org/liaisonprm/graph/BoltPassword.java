package org.liaisonprm.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded store's {@code neo4j} user when none is configured: generated at the first
 * start, kept in the data directory readable by its owner only, and shown once with how to connect.
 */
final class BoltPassword {

    private static final Logger log = LoggerFactory.getLogger(BoltPassword.class);
    private static final String FILE = "bolt-password";

    private BoltPassword() {
    }

    /** Shows a generated password once, with how to connect. */
    static void announce(Path home, Generated generated, java.net.URI boltUri) {
        Path file = file(home).toAbsolutePath();
        log.warn("""

                ================================================================
                  The embedded graph's Bolt connector requires a password.
                  Generated for user neo4j: {}
                  It is kept in {} (readable by its owner only).
                  To connect with cypher-shell:
                    cypher-shell -a {} -u neo4j -p "$(cat {})"
                ================================================================""",
                generated.password(), file, boltUri, file);
    }

    static Path file(Path home) {
        return home.resolve(FILE);
    }

    /** The password, and whether it was generated just now (then it is to be shown once). */
    record Generated(String password, boolean isNew) {
    }

    static Generated readOrCreate(Path home) {
        Path file = file(home);
        try {
            if (Files.exists(file)) {
                return new Generated(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
            }
            var bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            } catch (FileAlreadyExistsException e) {
                return new Generated(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return new Generated(password, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the Bolt password file " + file, e);
        }
    }
}
