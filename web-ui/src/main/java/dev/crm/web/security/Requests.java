package dev.crm.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collections;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;

/** What the security rules need to know about a request: who sent it and how it authenticates. */
final class Requests {

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

    private Requests() {
    }

    /** {@code Authorization: Basic} with credentials that decode (a wrong password still fails, with 401). */
    static boolean sendsBasicCredentials(HttpServletRequest request) {
        try {
            return BASIC.convert(request) != null;
        } catch (AuthenticationException malformed) {
            return false;
        }
    }

    /**
     * Signed in by the session cookie. Asked before any authentication filter ran, so only a session can
     * have put a user here.
     */
    static boolean signedInBySession() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /**
     * A browser sent it, not a script: browsers mark every request with {@code Sec-Fetch-*} (pages cannot
     * forge or remove those headers), htmx and XHR add their own, a browser that has visited the CRM sends the
     * session cookie, and an older browser's navigation asks for HTML.
     */
    static boolean fromBrowser(HttpServletRequest request) {
        if (request.getHeader("HX-Request") != null || request.getHeader("X-Requested-With") != null
                || request.getRequestedSessionId() != null) {
            return true;
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            if (name.regionMatches(true, 0, "Sec-Fetch-", 0, 10)) {
                return true;
            }
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * A browser sent it on behalf of a page of another site or origin: {@code Sec-Fetch-Site} says so, or
     * (browsers without it) the {@code Origin} names another host than the one addressed.
     */
    static boolean fromAnotherOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            String authority = URI.create(origin.trim()).getAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
