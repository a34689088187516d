package org.liaisonprm;

import java.util.List;

import org.liaisonprm.base.CurrentUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Signs a user in for service tests: as if a request of theirs were being served. */
public final class SignedIn {

    private SignedIn() {
    }

    /**
     * Puts {@code username} with {@code role} into the application's own security context strategy (the static
     * holder may belong to another test context) and returns them as the services see them.
     */
    public static CurrentUser as(SecurityContextHolderStrategy security, String username, String role) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        security.getContext().setAuthentication(authentication);
        return CurrentUser.of(authentication);
    }
}
