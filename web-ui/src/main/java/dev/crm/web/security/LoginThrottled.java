package dev.crm.web.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused by the {@link LoginThrottle} before its password was looked at: 429 for the API. */
final class LoginThrottled extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottled(Duration wait) {
        super("too many failed sign-ins; wait " + wait);
        // whole seconds, rounded up: a client that waits this long is let through
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
