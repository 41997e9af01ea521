package dev.crm.web.security;

import dev.crm.query.user.UserView;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in user as read once per request: whoever reads the user first in a request (the Basic sign-in,
 * the session check) leaves it here, and the rest of the request ({@link CurrentActor}) uses it instead of
 * reading it again. It lives as long as the request, so a role taken away counts from the next request.
 */
final class RequestUser {

    private static final String ATTRIBUTE = RequestUser.class.getName();

    private RequestUser() {
    }

    /** Remembers the user read for this request (nothing outside a request). */
    static void remember(UserView user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && user != null) {
            request.setAttribute(ATTRIBUTE, user, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The user {@code username} as read in this request, or read now by {@code read} and remembered. */
    static Optional<UserView> get(String username, Function<String, Optional<UserView>> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof UserView user
                && user.username().equals(username)) {
            return Optional.of(user);
        }
        Optional<UserView> user = read.apply(username);
        user.ifPresent(RequestUser::remember);
        return user;
    }
}
