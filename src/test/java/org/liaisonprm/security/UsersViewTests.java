package org.liaisonprm.security;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.CheckboxGroupKt.getItemLabels;
import static com.github.mvysny.kaributesting.v10.CheckboxGroupKt.selectByLabel;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.cell;
import static org.liaisonprm.KaribuUi.notifications;

import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.KaribuUi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * User management on the demo region, where a first start creates the administrator and one demo user per
 * role (docs/security.md). The users created here have names of their own and change no demo user.
 */
@DemoGraphTest
class UsersViewTests {

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    UserAccounts users;

    @BeforeEach
    void signInTheAdministrator() {
        ui.signIn("admin", "ADMIN");
        UI.getCurrent().navigate("users");
    }

    @Test
    void theAdministratorAndTheDemoUsersAreListed() {
        var listed = _findAll(grid());
        assertThat(listed).extracting(UserAccounts.UserAccount::username).contains("admin", "manager", "analyst", "viewer",
                "liaison1", "liaison2", "liaison3", "liaison4");
        int row = listed.indexOf(listed.stream().filter(u -> u.username().equals("liaison1")).findFirst().orElseThrow());
        assertThat(_getFormattedRow(grid(), row).subList(0, 3)).containsExactly("liaison1", "Lee Okafor (liaison)", "Liaison");
        assertThat(((Span) cell(grid(), row, "Status")).getText()).isEqualTo("Active");
    }

    @Test
    void anAdministratorCreatesALiaisonWhoCoversATerritory() {
        _click(_get(Button.class, spec -> spec.withClasses("users-new")));
        var dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("user-username")), "karibu.liaison");
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("user-display-name")), "Kari Bu (liaison)");
        selectRole(dialog, "Liaison");
        chooseTerritory(dialog, "Metro North");
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withId("user-password")), "river bend lighthouse 42");
        _click(_get(dialog, Button.class, spec -> spec.withId("user-save")));

        assertThat(notifications()).contains("Created karibu.liaison");
        assertThat(dialog.isOpened()).isFalse();
        var created = users.find("karibu.liaison").orElseThrow();
        assertThat(created.roles()).containsExactly("LIAISON");
        assertThat(created.displayName()).isEqualTo("Kari Bu (liaison)");
        var listed = _findAll(grid());
        int row = listed.indexOf(listed.stream().filter(u -> u.username().equals("karibu.liaison")).findFirst().orElseThrow());

        _click((Button) cell(grid(), row, grid().getColumns().size() - 1));
        var change = _get(Dialog.class);
        assertThat(change.getHeaderTitle()).isEqualTo("Change karibu.liaison");
        assertThat(_get(change, TextField.class, spec -> spec.withId("user-username")).isReadOnly()).isTrue();
        var covers = territories(change);
        assertThat(covers.getValue()).extracting(t -> covers.getItemLabelGenerator().apply(t)).containsExactly("Metro North");
    }

    @Test
    void aWeakPasswordIsRefusedAndNobodyCreated() {
        int before = _findAll(grid()).size();
        _click(_get(Button.class, spec -> spec.withClasses("users-new")));
        var dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("user-username")), "karibu.weak");
        selectRole(dialog, "Viewer");
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withId("user-password")), "short");
        _click(_get(dialog, Button.class, spec -> spec.withId("user-save")));

        assertThat(_get(dialog, Div.class, spec -> spec.withClasses("query-message")).getText())
                .isEqualTo("A password needs at least 12 characters");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(users.find("karibu.weak")).isEmpty();
        assertThat(_findAll(grid())).hasSize(before);
    }

    @Test
    void managersDoNotManageUsers() {
        ui.signIn("manager", "MANAGER");
        KaribuUi.assertDenied("users");
    }

    /** Ticks the role whose label starts with its name ("Liaison — the explorer and reports, …"). */
    @SuppressWarnings("unchecked")
    private static void selectRole(Dialog dialog, String name) {
        CheckboxGroup<Object> roles = _get(dialog, CheckboxGroup.class, spec -> spec.withId("user-roles"));
        selectByLabel(roles, getItemLabels(roles).stream().filter(label -> label.startsWith(name + " — ")).findFirst()
                .orElseThrow());
    }

    /** The territories field, whatever its items are: the tests go by the names it shows. */
    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<Object> territories(Dialog dialog) {
        return _get(dialog, MultiSelectComboBox.class, spec -> spec.withId("user-territories"));
    }

    private static void chooseTerritory(Dialog dialog, String name) {
        var covers = territories(dialog);
        var territory = covers.getListDataView().getItems()
                .filter(t -> covers.getItemLabelGenerator().apply(t).equals(name)).findFirst().orElseThrow();
        _setValue(covers, Set.of(territory));
    }

    @SuppressWarnings("unchecked")
    private static Grid<UserAccounts.UserAccount> grid() {
        return _get(Grid.class, spec -> spec.withClasses("users-grid"));
    }
}
