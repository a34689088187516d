package org.liaisonprm.security;

import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.MainLayout;
import org.liaisonprm.base.Role;

/**
 * The page a signed-in user sees, inside the main layout with its menu, when their roles do not include
 * the view they opened: which roles they have, and the way back. Visitors who are not signed in go to the
 * login page instead.
 */
@PermitAll
@PageTitle("No access · Liaison")
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        addClassName("access-denied");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        var user = CurrentUser.current();
        String roles = user.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        String has = user.roles().isEmpty() ? " has no role"
                : user.roles().size() == 1 ? " has the role " + roles : " has the roles " + roles;
        add(new H2("This page is not open to you"),
                new Paragraph("Your account" + has
                        + ", which does not include this page. If your work needs it, ask an administrator to "
                        + "change your roles."),
                new Anchor("", "Back to Home"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
