package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InitialAdminTests {

    @Test
    void unsetPasswordsAreGeneratedAndTheDemoUsersGetOneOfTheirOwn() {
        var passwords = InitialAdmin.Passwords.choose(null, true, " ");
        assertThat(passwords.adminGenerated()).isTrue();
        assertThat(passwords.demoUsersGenerated()).isTrue();
        assertThat(passwords.admin()).hasSize(16);
        assertThat(passwords.demoUsers()).hasSize(16).isNotEqualTo(passwords.admin());
    }

    @Test
    void configuredPasswordsAreKept() {
        var passwords = InitialAdmin.Passwords.choose("admin-secret", true, "demo-secret");
        assertThat(passwords).isEqualTo(new InitialAdmin.Passwords("admin-secret", false, "demo-secret", false));
        var onlyAdmin = InitialAdmin.Passwords.choose("admin-secret", true, null);
        assertThat(onlyAdmin.demoUsersGenerated()).isTrue();
        assertThat(onlyAdmin.demoUsers()).isNotEqualTo("admin-secret");
    }

    @Test
    void withoutTheDemoRegionThereIsNoDemoPassword() {
        var passwords = InitialAdmin.Passwords.choose("admin-secret", false, "demo-secret");
        assertThat(passwords.demoUsers()).isNull();
        assertThat(passwords.demoUsersGenerated()).isFalse();
    }

    @Test
    void theDemoUsersMayNotBeGivenTheAdministratorsPassword() {
        assertThatThrownBy(() -> InitialAdmin.Passwords.choose("same-secret", true, "same-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("liaison.demo.users-password");
    }
}
