package org.liaisonprm.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The one page anyone may open.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Liaison")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    LoginView(SecurityProperties properties) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        var title = new H1("Liaison");
        title.addClassName("login-title");
        var tagline = new Paragraph("Referral networks, leakage and outreach for physician liaisons");
        tagline.addClassName("login-tagline");
        add(title, tagline, login);
        if (properties.oidc().enabled()) {
            var sso = new Anchor("/oauth2/authorization/" + OidcLogin.REGISTRATION_ID, properties.oidc().label());
            sso.setRouterIgnore(true);
            sso.addClassName("login-sso");
            add(sso);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var error = event.getLocation().getQueryParameters().getParameters().get("error");
        if (error != null) {
            login.setError(true);
            if (error.contains("sso")) {
                var i18n = com.vaadin.flow.component.login.LoginI18n.createDefault();
                i18n.getErrorMessage().setTitle("Single sign-on did not log you in");
                i18n.getErrorMessage().setMessage("The identity provider refused, or gave you no Liaison role, or your "
                        + "account is disabled here. Ask an administrator.");
                login.setI18n(i18n);
            }
        }
    }
}
