package dev.crm.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Asks the {@link LoginThrottle} before the password check (HTTP Basic and the sign-in form both come
 * here), and tells it how the check went.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        throttle.attempt(username, address).ifPresent(wait -> {
            throw new LoginThrottled(wait);
        });
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (AuthenticationServiceException e) {
            throttle.notChecked(username, address);
            throw e;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            throw e;
        } catch (RuntimeException e) {
            throttle.notChecked(username, address);
            throw e;
        }
        if (result == null) {
            throttle.notChecked(username, address);
        } else {
            throttle.succeeded(username, address);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
