package org.liaisonprm.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, with the hash encrypted (AES-GCM) under a key of the {@link ServerSecret} before it is stored: a
 * stored value read from the graph is useless without the secret, which never is in the graph. A plain
 * BCrypt hash from before still matches, and {@link #upgradeEncoding} asks for it to be encrypted.
 */
final class KeyedPasswordEncoder implements PasswordEncoder {

    static final String PREFIX = "{aes-gcm}";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final SecretKeySpec key;

    KeyedPasswordEncoder(ServerSecret secret) {
        this.key = new SecretKeySpec(secret.key("password-hash"), "AES");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return seal(bcrypt.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String stored) {
        if (stored == null || rawPassword == null) {
            return false;
        }
        String hash = stored.startsWith(PREFIX) ? open(stored) : stored;
        return hash != null && bcrypt.matches(rawPassword, hash);
    }

    @Override
    public boolean upgradeEncoding(String stored) {
        return stored != null && !stored.startsWith(PREFIX);
    }

    /** Encrypts a BCrypt hash as it is stored; used for hashes stored before hashes were keyed. */
    String seal(String bcryptHash) {
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(bcryptHash.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The BCrypt hash, or null when the value was not sealed with this server's secret. */
    private String open(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
