package org.liaisonprm.security;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.KaribuUi.cell;
import static org.liaisonprm.KaribuUi.notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.DemoGraphTest;
import org.liaisonprm.KaribuUi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * My account for the demo analyst: who they are, password changes the page refuses (the demo password stays, other
 * tests sign in with it), and an API token shown once and revoked.
 */
@DemoGraphTest
class AccountViewTests {

    private static final String DEMO_PASSWORD = "test-demo-secret";

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts users;

    @BeforeEach
    void signInTheAnalyst() {
        ui.signIn("analyst", "ANALYST");
        UI.getCurrent().navigate("account");
    }

    @Test
    void theAccountSaysWhoIsSignedInAndWithWhichRoles() {
        assertThat(_get(H3.class, spec -> spec.withText("Avery Chen (analyst) (analyst)"))).isNotNull();
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("Roles: Analyst");
    }

    @Test
    void twoDifferentNewPasswordsAreRefused() {
        _setValue(password("account-current-password"), DEMO_PASSWORD);
        _setValue(password("account-new-password"), "a harbour at low tide");
        _setValue(password("account-repeat-password"), "a harbour at high tide");
        _click(_get(Button.class, spec -> spec.withId("account-change-password")));

        assertThat(error()).isEqualTo("The two new passwords differ");
        assertThat(password("account-new-password").getValue()).as("nothing was cleared").isNotEmpty();
    }

    @Test
    void aWrongCurrentPasswordIsRefused() {
        _setValue(password("account-current-password"), "not the password");
        _setValue(password("account-new-password"), "a harbour at low tide");
        _setValue(password("account-repeat-password"), "a harbour at low tide");
        _click(_get(Button.class, spec -> spec.withId("account-change-password")));

        assertThat(error()).isEqualTo("The current password is not right");
        assertThat(notifications()).doesNotContain("Password changed");
    }

    @Test
    void aTokenIsShownOnceListedAndRevoked() {
        int before = _findAll(tokenGrid()).size();
        _setValue(_get(TextField.class, spec -> spec.withId("account-token-name")), "karibu dashboard");
        _click(_get(Button.class, spec -> spec.withId("account-create-token")));

        String token = _get(_get(Dialog.class), Pre.class, spec -> spec.withId("account-new-token")).getText();
        assertThat(token).startsWith("lia_");
        var listed = _findAll(tokenGrid());
        assertThat(listed).hasSize(before + 1);
        var created = listed.stream().filter(t -> t.name().equals("karibu dashboard")).findFirst().orElseThrow();
        assertThat(token).startsWith(created.hint().replace("…", ""));
        assertThat(tokens.list("analyst")).extracting(ApiTokens.TokenInfo::id).contains(created.id());

        int row = listed.indexOf(created);
        _click((Button) cell(tokenGrid(), row, tokenGrid().getColumns().size() - 1));
        assertThat(_findAll(tokenGrid())).hasSize(before);
        assertThat(tokens.list("analyst")).extracting(ApiTokens.TokenInfo::id).doesNotContain(created.id());
    }

    @Test
    void theAddressAndTheDigestChoiceAreSavedAndABadAddressRefused() {
        var email = _get(EmailField.class, spec -> spec.withId("account-email"));
        var digest = _get(Checkbox.class, spec -> spec.withId("account-digest"));
        assertThat(email.getValue()).isEqualTo("analyst@riverbend-health.example");
        assertThat(digest.getValue()).as("off by default for an analyst").isFalse();
        try {
            _setValue(email, "avery@example.org");
            _setValue(digest, true);
            _click(_get(Button.class, spec -> spec.withId("account-save-mail")));
            var saved = users.find("analyst").orElseThrow();
            assertThat(saved.email()).isEqualTo("avery@example.org");
            assertThat(saved.receivesDigest()).isTrue();

            _setValue(email, "avery@example.org\r\nBcc: everyone@example.org");
            _click(_get(Button.class, spec -> spec.withId("account-save-mail")));
            assertThat(notifications()).anyMatch(n -> n.contains("is not an e-mail address"));
            assertThat(users.find("analyst").orElseThrow().email()).isEqualTo("avery@example.org");
        } finally {
            users.setMail("analyst", "analyst@riverbend-health.example", null);
        }
    }

    private static PasswordField password(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    private static String error() {
        return _get(Div.class, spec -> spec.withClasses("query-message")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApiTokens.TokenInfo> tokenGrid() {
        return _get(Grid.class, spec -> spec.withClasses("account-tokens"));
    }
}
