package dev.crm.web.user;

import dev.crm.app.user.PasswordPolicy;

import dev.crm.app.user.UserAdministration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.crm.command.Rejected;
import dev.crm.query.user.UserQueries;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.SpringFactoriesLoader;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    private List<String> codes(String username, String password) {
        return policy.check(username, password).stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void theProbesPasswordsAreRefused() {
        assertThat(codes("gina", "        ")).containsExactly("password:validation.password");
        assertThat(codes("gina", " ".repeat(12))).containsExactly("password:validation.password.blank");
        assertThat(codes("gina", "\u200B".repeat(12))).containsExactly("password:validation.password.blank");
        assertThat(codes("gina", "password")).containsExactly("password:validation.password");
        assertThat(codes("gina", "password12")).containsExactly("password:validation.password.common");
        assertThat(codes("gina", "Password2024!")).containsExactly("password:validation.password.common");
        assertThat(codes("gina", "1234567890")).containsExactly("password:validation.password.common");
        assertThat(codes("gina", "QWERTYUIOP")).containsExactly("password:validation.password.common");
        assertThat(codes("gina", "changeme-123")).containsExactly("password:validation.password.common");
        assertThat(codes("gina", "short")).containsExactly("password:validation.password");
        assertThat(codes("gina", null)).containsExactly("password:validation.password");
    }

    @Test
    void thePasswordIsNotTheUsername() {
        assertThat(codes("administrator", "Administrator")).containsExactly("password:validation.password.username");
        assertThat(codes("gina.field", "gina.field2024")).containsExactly("password:validation.password.username");
    }

    @Test
    void brokenTextAndBcryptsLimitAreRefused() {
        assertThat(codes("gina", "tab\there-is-long")).containsExactly("password:validation.password.characters");
        assertThat(codes("gina", "half \uD800 a character")).containsExactly("password:validation.password.characters");
        // bcrypt reads 72 bytes: a longer password would be cut without anyone knowing
        assertThat(codes("gina", "ä".repeat(37))).containsExactly("password:validation.password");
        assertThat(codes("gina", "x1-".repeat(24))).isEmpty();
    }

    @Test
    void thePasswordsOfTheDocsAndTestsAreFine() {
        for (String password : List.of("alice-pass-1", "bob-pass-123", "choose-one", "secret-password-1",
                "admin-test-password", "bench-user-password", "bench-admin-password", "long-enough-1",
                "correct horse battery staple", "Ünïcödé-pässwörd")) {
            assertThat(codes("alice", password)).as(password).isEmpty();
        }
        assertThat(codes("admin", "admin-test-password")).isEmpty();
    }

    @Test
    void aFewThousandCommonPasswordsAreShipped() {
        assertThat(policy.commonCount()).isBetween(3_000, 10_000);
    }

    @Test
    void aWeakAdminPasswordStopsTheFirstStartWithTheReasonAndNoUserIsCreated() {
        UserQueries users = mock(UserQueries.class);
        when(users.count()).thenReturn(0L);
        UserAdministration administration = mock(UserAdministration.class);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        AdminBootstrap bootstrap = new AdminBootstrap(users, administration, policy, messages, "password1");

        assertThatThrownBy(() -> bootstrap.run(null)).isInstanceOf(AdminBootstrap.WeakAdminPassword.class)
                .hasMessage("CRM_ADMIN_PASSWORD does not meet the password policy: A password has at least 10"
                        + " characters and at most 72 bytes.");
        verifyNoInteractions(administration);

        // Spring Boot reports it as "APPLICATION FAILED TO START" with what to do, not as a stack trace
        FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {
                    // analyzers that need an application context are left out here
                })).stream()
                .map(a -> a.analyze(new IllegalStateException("Failed to execute ApplicationRunner",
                        new AdminBootstrap.WeakAdminPassword("This password is one of the most common ones."))))
                .filter(a -> a != null).findFirst().orElseThrow();
        assertThat(analysis.getDescription()).contains("CRM_ADMIN_PASSWORD", "most common");
        assertThat(analysis.getAction()).contains("at least 10 characters");

        // once users exist, the setting is not read at all
        when(users.count()).thenReturn(3L);
        new AdminBootstrap(users, administration, policy, messages, "password1").run(null);
        verifyNoInteractions(administration);
    }

    @Test
    void theErrorsAreForTheFieldPassword() {
        assertThatThrownBy(() -> policy.require("gina", "password1"))
                .isInstanceOfSatisfying(Rejected.Invalid.class,
                        e -> assertThat(e.errors()).extracting(Rejected.FieldError::field).containsExactly("password"));
    }
}
