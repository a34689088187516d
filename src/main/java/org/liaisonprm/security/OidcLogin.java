package org.liaisonprm.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.liaisonprm.base.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on through an OpenID Connect provider (docs/security.md, "Single sign-on"): the provider
 * authenticates, a claim says which Liaison roles the user holds, and the user is kept as a {@code (:User)}
 * with those roles (created at the first login, roles refreshed at every login) so that ownership, scoping
 * and the audit trail work as for local users. A user the provider gives no Liaison role, or whom an
 * administrator disabled in Liaison, is refused.
 */
final class OidcLogin {

    static final String REGISTRATION_ID = "oidc";

    private OidcLogin() {
    }

    /** The client registration, from the provider's discovery document. */
    static ClientRegistration registration(SecurityProperties.Oidc oidc) {
        return ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope("openid", "profile", "email")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
    }

    /** Loads the provider's user and turns it into a Liaison user with roles from the claim. */
    static OidcUserService userService(SecurityProperties.Oidc oidc, UserAccounts users) {
        var delegate = new OidcUserService();
        return new OidcUserService() {
            @Override
            public OidcUser loadUser(OidcUserRequest request) {
                OidcUser external = delegate.loadUser(request);
                String claim = usernameClaim(external.getClaims(), oidc.usernameClaim());
                String username = String.valueOf(external.getClaims().get(claim)).strip().toLowerCase(Locale.ROOT);
                Set<Role> roles = roles(external.getClaims().get(oidc.rolesClaim()), oidc.roleMapping());
                if (roles.isEmpty()) {
                    throw new OAuth2AuthenticationException(new OAuth2Error("no_role",
                            "The identity provider gives " + username + " no Liaison role (claim '" + oidc.rolesClaim() + "')", null));
                }
                String name = external.getFullName() != null ? external.getFullName() : username;
                if (!users.signedOn(username, name, roles)) {
                    throw new OAuth2AuthenticationException(new OAuth2Error("disabled",
                            username + " is disabled in Liaison", null));
                }
                var authorities = roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
                return new DefaultOidcUser(authorities, external.getIdToken(), external.getUserInfo(), claim) {
                    @Override
                    public String getName() {
                        return username;
                    }
                };
            }
        };
    }

    /** The claim to take the user name from: the configured one, else {@code email}, else {@code sub}. */
    static String usernameClaim(Map<String, Object> claims, String configured) {
        for (String claim : List.of(configured, "email", "sub")) {
            if (claims.get(claim) != null && !String.valueOf(claims.get(claim)).isBlank()) {
                return claim;
            }
        }
        return "sub";
    }

    /**
     * Liaison roles from a claim's value: a list, or a string of values separated by spaces or commas. Each
     * value maps through {@code mapping} (keys compared without regard to case) or, when it is a role's
     * name in any case, to that role; other values are ignored.
     */
    static Set<Role> roles(Object claim, Map<String, String> mapping) {
        var byKey = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        byKey.putAll(mapping);
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim == null ? List.of() : List.of(String.valueOf(claim).split("[\\s,]+"));
        var roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            String text = String.valueOf(value).strip();
            String target = byKey.getOrDefault(text, text);
            try {
                roles.add(Role.valueOf(target.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // a group that means nothing to Liaison
            }
        }
        return roles;
    }
}
