package org.liaisonprm;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The application's views in Karibu's browserless Vaadin, on the test's Spring context, with a user signed in.
 * A test class registers it and signs someone in before it navigates:
 * <pre>
 * &#64;RegisterExtension
 * final KaribuUi ui = new KaribuUi();
 *
 * &#64;BeforeEach
 * void signIn() {
 *     ui.signIn("liaison1", "LIAISON");
 * }
 * </pre>
 * Signing in again starts a fresh UI for the other user. After each test the UI is torn down and the user
 * signed out.
 */
public final class KaribuUi implements BeforeEachCallback, AfterEachCallback {

    private static final Routes ROUTES = routes();

    private ApplicationContext spring;
    private SecurityContextHolderStrategy security;
    private boolean open;

    /**
     * Karibu's discovery finds public views only; most of ours are package-private, so every {@code @Route}
     * class is added as Spring's scanner finds it, wherever it lives.
     */
    private static Routes routes() {
        var routes = new Routes().autoDiscoverViews("org.liaisonprm");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (var candidate : scanner.findCandidateComponents("org.liaisonprm")) {
            try {
                routes.getRoutes().add(Class.forName(candidate.getBeanClassName()).asSubclass(Component.class));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        spring = SpringExtension.getApplicationContext(context);
        // the application's own strategy: the static holder may belong to another test context
        security = spring.getBean(SecurityContextHolderStrategy.class);
    }

    /**
     * Opens a fresh UI with {@code username} signed in holding {@code roles} (ADMIN, MANAGER, ANALYST,
     * LIAISON, VIEWER). The user name matters: territories, plans and interactions belong to it.
     */
    public void signIn(String username, String... roles) {
        close();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, spring, UI::new));
        open = true;
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null,
                Arrays.stream(roles).map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        var signedIn = new SecurityContextImpl(authentication);
        security.setContext(signedIn);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
        // Vaadin's view access check asks the request
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        Set<String> held = Set.of(roles);
        request.setUserInRole((principal, role) -> held.contains(role));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void close() {
        if (open) {
            MockVaadin.tearDown();
            security.clearContext();
            open = false;
        }
    }

    /**
     * Opens a route the signed-in user's roles do not include, and checks that the access-denied page is
     * shown in its place, inside the main layout.
     */
    public static void assertDenied(String route) {
        UI.getCurrent().navigate(route);
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        if (chain.isEmpty() || !(chain.get(0) instanceof org.liaisonprm.security.AccessDeniedView)) {
            throw new AssertionError("'" + route + "' opened " + (chain.isEmpty() ? "nothing" : chain.get(0).getClass().getSimpleName())
                    + " instead of the access-denied page");
        }
        if (chain.stream().noneMatch(org.liaisonprm.base.MainLayout.class::isInstance)) {
            throw new AssertionError("the access-denied page for '" + route + "' is not inside the main layout");
        }
    }

    /** Where the UI navigated last: the path and query parameters the address bar shows. */
    public static Location location() {
        return UI.getCurrent().getInternals().getActiveViewLocation();
    }

    /** The texts of the notifications shown and still open. */
    public static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(com.github.mvysny.kaributools.NotificationsKt::getText)
                .toList();
    }

    /**
     * What a component column shows in one row, rendered as the browser would get it (Karibu's
     * {@code _getCellComponent} finds columns by key, and ours have headers only).
     */
    public static <T> Component cell(Grid<T> grid, int row, String header) {
        return cell(grid, row, GridKt._getColumnByHeader(grid, header));
    }

    /** What a column without a header shows in one row; {@code column} counts the grid's columns from 0. */
    public static <T> Component cell(Grid<T> grid, int row, int column) {
        return cell(grid, row, grid.getColumns().get(column));
    }

    @SuppressWarnings("unchecked")
    private static <T> Component cell(Grid<T> grid, int row, Grid.Column<T> column) {
        var renderer = (ComponentRenderer<? extends Component, T>) column.getRenderer();
        return renderer.createComponent(GridKt._get(grid, row));
    }
}
