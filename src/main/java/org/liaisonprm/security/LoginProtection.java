package org.liaisonprm.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.graph.GraphUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Protects accounts against guessing: locks an account after {@code liaison.security.lockout.attempts}
 * failed logins in a row for {@code liaison.security.lockout.duration}, and answers repeated failures from
 * one address ever more slowly. Audits logins, failures, locks and logouts.
 */
@Component
class LoginProtection {

    private static final Logger log = LoggerFactory.getLogger(LoginProtection.class);
    /** Failures from one address before answers slow down, and the longest delay. */
    private static final int FREE_FAILURES = 3;
    private static final long MAX_DELAY_MS = 4_000;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final UserAccounts users;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginProtection(UserAccounts users, AuditTrail audit, SecurityProperties properties) {
        this.users = users;
        this.audit = audit;
        this.properties = properties;
    }

    private record Failures(int count, Instant last) {
    }

    @EventListener
    void interactiveLogin(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.succeededLogin(username, true);
        boolean sso = event.getAuthentication() instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
        audit.record(AuditType.LOGIN, username, null, sso ? "single sign-on" : "form login", null, null);
    }

    /**
     * Every successful authentication, API calls included: clears the failure counts, audits nothing. A check
     * reused from the {@link CredentialCache} writes nothing: a failed login since would have ended it.
     */
    @EventListener
    void authenticated(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof CredentialCache.Remembered)) {
            users.succeededLogin(event.getAuthentication().getName(), false);
        }
        forget(address(event.getAuthentication()));
    }

    /**
     * A failed login: audited, counted towards the lock, and slowed down. Not when the graph store could not
     * be reached to check it: that is no guess, and nothing could be written anyway.
     */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (GraphUnavailableException.isCauseOf(event.getException())) {
            return;
        }
        String username = event.getAuthentication().getName();
        String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
        audit.record(AuditType.LOGIN_FAILED, username, null, reason, null, null);
        if (event instanceof AuthenticationFailureBadCredentialsEvent && username != null) {
            var lockout = properties.lockout();
            if (users.failedLogin(username, lockout.attempts(), lockout.duration())) {
                log.warn("Account {} locked for {} after {} failed logins", username, lockout.duration(), lockout.attempts());
                audit.record(AuditType.ACCOUNT_LOCKED, username, username,
                        lockout.attempts() + " failed logins in a row; locked for " + lockout.duration(), null, null);
            }
        }
        slowDown(address(event.getAuthentication()));
    }

    @EventListener
    void logout(LogoutSuccessEvent event) {
        audit.record(AuditType.LOGOUT, event.getAuthentication().getName(), null, null, null, null);
    }

    /** Waits 250 ms, 500 ms, 1 s … (at most 4 s) once an address has failed more than three times. */
    private void slowDown(String address) {
        if (address == null) {
            return;
        }
        Instant now = Instant.now();
        Failures failures = byAddress.compute(address, (key, old) ->
                old == null || old.last().plus(FORGET_AFTER).isBefore(now) ? new Failures(1, now)
                        : new Failures(old.count() + 1, now));
        int over = failures.count() - FREE_FAILURES;
        if (over > 0) {
            long delay = Math.min(MAX_DELAY_MS, 250L << Math.min(over - 1, 10));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (byAddress.size() > 10_000) {
            byAddress.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    private void forget(String address) {
        if (address != null) {
            byAddress.remove(address);
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
