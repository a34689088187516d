package org.liaisonprm.report;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.audit.AuditEvent;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The Cypher page in Karibu's browserless Vaadin, with the application's Spring context and a signed-in
 * analyst.
 */
@EmptyGraphTest
class QueryViewTests {

    private static final String ANALYST = "karibu-analyst";
    private static final Routes ROUTES = routes();

    /** Karibu's discovery finds public classes only; the views are package-private. */
    private static Routes routes() {
        var routes = new Routes().autoDiscoverViews("org.liaisonprm");
        routes.getRoutes().add(QueryView.class);
        return routes;
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail audit;

    /** The application's own strategy: the static holder may belong to another test context. */
    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void signInAnAnalyst() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(ANALYST, null,
                List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
        var signedIn = new SecurityContextImpl(authentication);
        security.setContext(signedIn);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
        // Vaadin's view access check asks the request
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> "ANALYST".equals(role));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        security.clearContext();
    }

    @Test
    void aLinkFillsTheEditorButRunsNothingUntilTheUserRunsIt() {
        long since = System.currentTimeMillis() - 1;
        String cypher = "MATCH (p:Physician) RETURN count(p) AS physicians";
        UI.getCurrent().navigate("query", QueryParameters.of("cypher", cypher));

        var view = _get(QueryView.class);
        assertThat(_get(view, CypherEditor.class).getValue()).isEqualTo(cypher);
        assertThat(queriesRun(since)).as("opening the link runs no query").isEmpty();

        _click(_get(view, Button.class, spec -> spec.withClasses("query-run")));
        assertThat(queriesRun(since)).singleElement().satisfies(event -> {
            assertThat(event.target()).isEqualTo("ran");
            assertThat(event.detail()).startsWith(cypher);
        });
    }

    private List<AuditEvent> queriesRun(long since) {
        return audit.find(new AuditTrail.Filter(null, null, ANALYST, AuditType.QUERY_RUN), 100).stream()
                .filter(e -> e.at().toInstant().toEpochMilli() >= since).toList();
    }
}
