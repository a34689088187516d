package org.liaisonprm.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view: a drawer with the side navigation (built from {@code @Menu}) and the
 * signed-in user with a log-out button.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final Span title = new Span();

    public MainLayout(AuthenticationContext authentication, DisplayNames names) {
        setPrimarySection(Section.DRAWER);

        title.addClassName("app-title");
        var header = new HorizontalLayout(new DrawerToggle(), title);
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");

        String username = authentication.getPrincipalName().orElse("");
        String shown;
        try {
            shown = names.of(username);
        } catch (RuntimeException storeAway) {
            // the frame stays up while the graph store is away; the page inside says so
            shown = username;
        }
        var user = new Span(shown);
        user.addClassName("app-user");
        user.getElement().setAttribute("title", "Signed in as " + username);
        var logout = new Button("Log out", new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        header.add(user, logout);
        header.expand(title);
        addToNavbar(header);

        var brand = new Div(new Span("Liaison"));
        brand.addClassName("drawer-brand");
        addToDrawer(brand, navigation());
    }

    /** The navbar names the view on show; the drawer carries the product name. */
    @Override
    protected void afterNavigation() {
        super.afterNavigation();
        String text = "";
        if (getContent() instanceof HasDynamicTitle dynamic) {
            text = dynamic.getPageTitle();
        } else if (getContent() != null && getContent().getClass().isAnnotationPresent(PageTitle.class)) {
            text = getContent().getClass().getAnnotation(PageTitle.class).value();
        }
        title.setText(text.replace(" · Liaison", ""));
    }

    private static SideNav navigation() {
        var nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
