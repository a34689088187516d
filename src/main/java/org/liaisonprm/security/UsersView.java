package org.liaisonprm.security;

import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;

/**
 * User management for administrators: create users, assign roles, disable, unlock and reset passwords.
 */
@Route("users")
@PageTitle("Users · Liaison")
@Menu(order = 8, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private final UserAccounts users;
    private final List<UserAssignments> assignments;
    private final Grid<UserAccounts.UserAccount> grid = new Grid<>();

    UsersView(UserAccounts users, List<UserAssignments> assignments) {
        this.users = users;
        this.assignments = List.copyOf(assignments);
        addClassName("users-view");
        setSizeFull();

        var create = new Button("New user", VaadinIcon.PLUS.create(), click -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("users-new");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserAccounts.UserAccount::username).setHeader("User name").setAutoWidth(true).setSortable(true);
        grid.addColumn(UserAccounts.UserAccount::displayName).setHeader("Name").setAutoWidth(true).setSortable(true);
        grid.addColumn(u -> roleLabels(u.roles())).setHeader("Roles").setAutoWidth(true);
        grid.addComponentColumn(UsersView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> u.lastLoginAt() == null ? "never" : DATE.format(u.lastLoginAt())).setHeader("Last login (UTC)")
                .setAutoWidth(true);
        grid.addComponentColumn(u -> {
            var change = new Button("Change", click -> edit(u));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            change.addClassName("users-change");
            return change;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        grid.addClassName("users-grid");
        add(create, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private static Span status(UserAccounts.UserAccount user) {
        String text = !user.enabled() ? "Disabled" : user.isLocked() ? "Locked" : "Active";
        var badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        if (!"Active".equals(text)) {
            badge.getElement().getThemeList().add("error");
        }
        return badge;
    }

    private void refresh() {
        grid.setItems(users.all());
    }

    /** The dialog for a new user (null) or for changing one. */
    private void edit(UserAccounts.UserAccount user) {
        boolean creating = user == null;
        var dialog = new Dialog();
        dialog.setHeaderTitle(creating ? "New user" : "Change " + user.username());
        dialog.addClassName("user-dialog");
        var username = new TextField("User name");
        username.setId("user-username");
        username.setHelperText("lower-case letters, digits, dots, dashes");
        var displayName = new TextField("Name shown");
        displayName.setId("user-display-name");
        var email = new EmailField("E-mail (for the weekly digest)");
        email.setId("user-email");
        var roles = new CheckboxGroup<Role>("Roles");
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> role.label() + " — " + role.description());
        var password = new PasswordField(creating ? "Password" : "New password (leave empty to keep)");
        password.setId("user-password");
        password.setHelperText("at least " + PasswordPolicy.MIN_LENGTH + " characters, not the user name, not a common password");
        var assigned = new java.util.LinkedHashMap<UserAssignments, MultiSelectComboBox<UserAssignments.Choice>>();
        for (UserAssignments assignment : assignments) {
            var field = new MultiSelectComboBox<UserAssignments.Choice>(assignment.label());
            field.setId(assignment.fieldId());
            var choices = assignment.choices(CurrentUser.current());
            field.setItems(choices);
            field.setItemLabelGenerator(UserAssignments.Choice::name);
            field.setHelperText(assignment.helperText(!choices.isEmpty()));
            if (!creating) {
                var mine = assignment.assignedTo(user.username());
                field.setValue(choices.stream().filter(c -> mine.contains(c.id())).collect(Collectors.toSet()));
            }
            assigned.put(assignment, field);
        }
        var enabled = new Checkbox("May log in");
        enabled.setValue(true);
        if (!creating) {
            username.setValue(user.username());
            username.setReadOnly(true);
            displayName.setValue(user.displayName());
            email.setValue(user.email() == null ? "" : user.email());
            Set<Role> current = EnumSet.noneOf(Role.class);
            user.roles().forEach(r -> current.add(Role.valueOf(r)));
            roles.setValue(current);
            enabled.setValue(user.enabled());
        }
        var error = new Div();
        error.addClassName("query-message");
        error.setVisible(false);
        var form = new FormLayout(username, displayName, email, password, roles);
        form.setColspan(roles, 2);
        assigned.values().forEach(field -> {
            form.add(field);
            form.setColspan(field, 2);
        });
        form.add(enabled);
        dialog.add(form, error);
        if (!creating && user.isLocked()) {
            var unlock = new Button("Unlock now", VaadinIcon.UNLOCK.create(), click -> {
                users.unlock(user.username());
                Notification.show(user.username() + " unlocked");
                dialog.close();
                refresh();
            });
            dialog.add(unlock);
        }
        var save = new Button(creating ? "Create" : "Save", click -> {
            try {
                String address = UserAccounts.email(email.getValue());
                String saved;
                if (creating) {
                    saved = users.createUser(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue())
                            .username();
                } else {
                    saved = user.username();
                    if (!password.getValue().isEmpty()) {
                        users.resetPassword(user.username(), password.getValue());
                    }
                    users.change(user.username(), displayName.getValue(), roles.getValue(), enabled.getValue());
                }
                if (creating ? address != null : !java.util.Objects.equals(address, user.email())) {
                    users.setMail(saved, address, creating ? null : user.digest());
                }
                assigned.forEach((assignment, field) -> assignment.assign(saved,
                        field.getValue().stream().map(UserAssignments.Choice::id).toList(), CurrentUser.current()));
                dialog.close();
                Notification.show(creating ? "Created " + username.getValue().strip().toLowerCase() : "Saved")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.setWidth("min(44rem, 95vw)");
        dialog.open();
    }

    /** Role codes as people read them: "Liaison, Manager"; a code that names no role as it is. */
    static String roleLabels(java.util.Collection<String> roles) {
        return String.join(", ", roles.stream().map(r -> Role.ofAuthority(r).map(Role::label).orElse(r)).toList());
    }
}
