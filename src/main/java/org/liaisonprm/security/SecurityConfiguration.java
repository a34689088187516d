package org.liaisonprm.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.liaisonprm.graph.GraphUnavailableException;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Everything requires login except the login page, static resources and {@code /actuator/health}; what
 * each role may reach is the access matrix of docs/security.md.
 * <p>
 * Two filter chains: machines ({@code /api/**}, {@code /actuator/**}) authenticate with HTTP Basic or an
 * API token and get 401 when they do not; people get Vaadin's form login and a redirect to it. Both send
 * the security headers (content security policy that fits Vaadin, no framing, no sniffing, referrer
 * policy). The UI's sessions are kept in a {@link SessionRegistry}, so that {@link UserAccounts} can end a
 * user's sessions when an administrator disables them, changes their roles or resets their password.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /** Vaadin needs inline and evaluated scripts and inline styles; nothing may frame the application. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String ADMIN = "ADMIN";
    private static final String MANAGER = "MANAGER";
    private static final String ANALYST = "ANALYST";
    private static final String LIAISON = "LIAISON";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, UserAccounts users, CredentialCache credentials,
                                    SecurityContextHolderStrategy security) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/audit", "/api/audit/**").hasRole(ADMIN)
                        .requestMatchers("/api/imports", "/api/imports/**").hasRole(ADMIN)
                        .requestMatchers("/api/digests", "/api/digests/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/query").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.POST, "/api/reports").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.PUT, "/api/reports/*").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.DELETE, "/api/reports/*").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.GET, "/api/reports/*/run.csv").hasAnyRole(ADMIN, MANAGER, ANALYST, LIAISON)
                        .requestMatchers("/api/territories", "/api/territories/**", "/api/interactions",
                                "/api/interactions/**", "/api/plans", "/api/plans/**", "/api/alerts", "/api/alerts/**",
                                "/api/tasks", "/api/tasks/**").hasAnyRole(ADMIN, MANAGER, LIAISON)
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, users, credentials, security), BasicAuthenticationFilter.class)
                .headers(SecurityConfiguration::headers)
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> ApiErrors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "Your role may not " + request.getMethod() + " "
                                        + request.getRequestURI() + " (docs/security.md has the access matrix)")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless Basic-authenticated API: no session cookie to forge
                .build();
    }

    /**
     * 401 with a Basic challenge, written directly: {@code sendError} would forward to the error page,
     * which belongs to the UI chain and would answer with a redirect to the login page. When the password
     * could not be checked because the graph store is away, 503: the caller's credentials are not wrong.
     */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException reason) throws java.io.IOException {
        if (GraphUnavailableException.isCauseOf(reason)) {
            ApiErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The graph store cannot be reached at the moment, so the sign-in could not be checked; "
                            + "Liaison answers again by itself as soon as it is back");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Liaison\"");
        ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                "Sign in with HTTP Basic or an API token (Authorization: Bearer lia_…)");
    }

    /** The identity provider, when single sign-on is configured (its discovery document is read now). */
    @Bean
    @ConditionalOnProperty("liaison.security.oidc.issuer-uri")
    ClientRegistrationRepository clientRegistrations(SecurityProperties properties) {
        return new InMemoryClientRegistrationRepository(OidcLogin.registration(properties.oidc()));
    }

    /** Body size limits, checked before Spring Security and multipart parsing read anything. */
    @Bean
    FilterRegistrationBean<RequestSizeLimits> requestSizeLimits(SecurityProperties properties, SessionRegistry sessions) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimits(properties.requestSize(), sessions));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The signed-in users' UI sessions; told of ended sessions by the publisher below. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * A request in a session that was ended: the session is already signed out; pages go to the login page,
     * Vaadin's own requests get 401 (as when not signed in), after which the page reloads into the login.
     */
    private static SessionInformationExpiredStrategy toLogin(RequestUtil vaadin) {
        var redirect = new DefaultRedirectStrategy();
        return event -> {
            if (vaadin.isFrameworkInternalRequest(event.getRequest())) {
                event.getResponse().setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                redirect.sendRedirect(event.getRequest(), event.getResponse(), "/login");
            }
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, SecurityProperties properties, UserAccounts users,
                                   ObjectProvider<ClientRegistrationRepository> clients, SessionRegistry sessions,
                                   RequestUtil vaadin) throws Exception {
        var registrations = clients.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(sso -> sso
                    .clientRegistrationRepository(registrations)
                    .loginPage("/login")
                    .failureUrl("/login?error=sso")
                    .userInfoEndpoint(info -> info.oidcUserService(OidcLogin.userService(properties.oidc(), users))));
        }
        return http
                .headers(SecurityConfiguration::headers)
                // no limit on sessions per user: the registry is there to end them
                .sessionManagement(session -> session.sessionConcurrency(concurrency -> concurrency
                        .maximumSessions(-1).sessionRegistry(sessions).expiredSessionStrategy(toLogin(vaadin))))
                .with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class))
                .build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
