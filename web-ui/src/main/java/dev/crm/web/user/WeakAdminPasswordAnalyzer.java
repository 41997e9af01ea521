package dev.crm.web.user;

import dev.crm.app.user.PasswordPolicy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused {@code CRM_ADMIN_PASSWORD} into Spring Boot's short "APPLICATION FAILED TO START"
 * report (what is wrong, what to do) instead of a stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
class WeakAdminPasswordAnalyzer extends AbstractFailureAnalyzer<AdminBootstrap.WeakAdminPassword> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminBootstrap.WeakAdminPassword cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set CRM_ADMIN_PASSWORD to a password of at least " + PasswordPolicy.MIN + " characters that is not"
                        + " a common one nor the username, or leave it unset to have a random password generated and"
                        + " written once to the log. It is only read on the first start, with an empty store.",
                cause);
    }
}
