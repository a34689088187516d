package org.liaisonprm.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules every password set through Liaison must meet: at least {@value #MIN_LENGTH} characters, not
 * the user name (nor containing it), and not one of the common passwords in
 * {@code security/common-passwords.txt}.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** A password that breaks a rule, with the rule in words. */
    public static class WeakPasswordException extends IllegalArgumentException {
        WeakPasswordException(String reason) {
            super(reason);
        }
    }

    /**
     * @throws WeakPasswordException saying which rule the password breaks
     */
    public static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new WeakPasswordException("A password needs at least " + MIN_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw new WeakPasswordException("A password may not contain the user name");
        }
        if (COMMON.contains(lower) || password.chars().distinct().count() == 1) {
            throw new WeakPasswordException("This password is among the most common ones; choose another");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
