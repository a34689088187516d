package org.liaisonprm.security;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The signed-in user's own account: change the password, create and revoke API tokens.
 */
@Route("account")
@PageTitle("My account · Liaison")
@Menu(order = 10, icon = "vaadin:user", title = "My account")
@PermitAll
class AccountView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private final UserAccounts users;
    private final ApiTokens tokens;
    private final String username;
    private final Grid<ApiTokens.TokenInfo> grid = new Grid<>();

    AccountView(UserAccounts users, ApiTokens tokens, AuthenticationContext authentication) {
        this.users = users;
        this.tokens = tokens;
        this.username = authentication.getPrincipalName().orElseThrow();
        addClassName("account-view");
        setMaxWidth("60rem");

        var account = users.find(username).orElseThrow();
        add(new H3(account.displayName() + " (" + username + ")"),
                new Paragraph("Roles: " + UsersView.roleLabels(account.roles())));
        add(mailSection(account));
        add(passwordForm());
        add(tokenSection());
    }

    private VerticalLayout mailSection(UserAccounts.UserAccount account) {
        var email = new EmailField("E-mail address");
        email.setId("account-email");
        email.setValue(account.email() == null ? "" : account.email());
        email.setWidth("22rem");
        var digest = new Checkbox("Send me the weekly digest: new alerts, tasks due, this week's plan (and the team's, "
                + "for managers)");
        digest.setId("account-digest");
        digest.setValue(account.digest() != null ? account.digest() : account.has(org.liaisonprm.base.Role.LIAISON)
                || account.has(org.liaisonprm.base.Role.MANAGER));
        var save = new Button("Save", click -> {
            try {
                users.setMail(username, email.getValue(), digest.getValue());
                Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException e) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
        });
        save.setId("account-save-mail");
        var section = new VerticalLayout(new H3("E-mail"), email, digest, save);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout passwordForm() {
        var current = new PasswordField("Current password");
        current.setId("account-current-password");
        var next = new PasswordField("New password");
        next.setId("account-new-password");
        next.setHelperText("at least " + PasswordPolicy.MIN_LENGTH + " characters, not your user name, not a common password");
        var repeat = new PasswordField("New password again");
        repeat.setId("account-repeat-password");
        var error = new Div();
        error.addClassName("query-message");
        error.setVisible(false);
        var change = new Button("Change password", click -> {
            error.setVisible(false);
            if (!next.getValue().equals(repeat.getValue())) {
                error.setText("The two new passwords differ");
                error.setVisible(true);
                return;
            }
            try {
                users.changeOwnPassword(username, current.getValue(), next.getValue());
                current.clear();
                next.clear();
                repeat.clear();
                Notification.show("Password changed").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.setId("account-change-password");
        var form = new FormLayout(current, next, repeat);
        var section = new VerticalLayout(new H3("Password"), form, error, change);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout tokenSection() {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ApiTokens.TokenInfo::name).setHeader("Name");
        grid.addColumn(ApiTokens.TokenInfo::hint).setHeader("Starts with");
        grid.addColumn(t -> t.createdAt() == null ? "" : DATE.format(t.createdAt())).setHeader("Created (UTC)");
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : DATE.format(t.lastUsedAt())).setHeader("Last used (UTC)");
        grid.addComponentColumn(t -> {
            var revoke = new Button("Revoke", click -> {
                tokens.revoke(username, t.id());
                refresh();
                Notification.show("Token revoked");
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addClassName("account-tokens");
        var name = new TextField("New token for");
        name.setPlaceholder("e.g. the BI dashboard");
        name.setId("account-token-name");
        var create = new Button("Create token", click -> {
            try {
                var created = tokens.create(username, name.getValue());
                name.clear();
                refresh();
                showOnce(created);
            } catch (IllegalArgumentException e) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
        });
        create.setId("account-create-token");
        var row = new HorizontalLayout(name, create);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        var section = new VerticalLayout(new H3("API tokens"), new Paragraph(
                "Programs call the REST API with \u201cAuthorization: Bearer <token>\u201d instead of your password. "
                        + "A token acts with your roles until you revoke it."), row, grid);
        section.setPadding(false);
        refresh();
        return section;
    }

    private void refresh() {
        grid.setItems(tokens.list(username));
    }

    private void showOnce(ApiTokens.NewToken created) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Token \u201c" + created.info().name() + "\u201d");
        var token = new Pre(created.token());
        token.setId("account-new-token");
        dialog.add(new Paragraph("Copy it now: it is shown only this once."), token);
        dialog.getFooter().add(new Button("Done", click -> dialog.close()));
        dialog.open();
    }
}
