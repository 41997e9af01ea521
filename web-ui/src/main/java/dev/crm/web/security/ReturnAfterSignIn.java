package dev.crm.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.web.util.WebUtils;

/**
 * The page a signed-out visitor asked for, to go back to after signing in. Spring's default keeps a copy of
 * the whole request (every header) in a new session, so each anonymous page view cost a session; this keeps
 * only the path and query, in a cookie: no session, and no host in the redirect (it is relative).
 */
final class ReturnAfterSignIn implements RequestCache {

    static final String COOKIE = "crm-return-to";
    private static final int MAX_LENGTH = 2000;

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        String accept = request.getHeader("Accept");
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || accept == null || !accept.contains("text/html")) {
            return; // only a page the browser navigated to is worth coming back to
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!safe(target) || target.length() > MAX_LENGTH) {
            return;
        }
        response.addCookie(cookie(request, Base64.getUrlEncoder().encodeToString(target.getBytes(StandardCharsets.UTF_8)), -1));
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (cookie == null) {
            return null;
        }
        try {
            String target = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
            return safe(target) ? new SimpleSavedRequest(target) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Nothing is replayed (the saved request has no body or headers); the cookie goes once it was used. */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = getRequest(request, response);
        if (saved != null && saved.getRedirectUrl().equals(request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()))) {
            removeRequest(request, response);
        }
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        if (WebUtils.getCookie(request, COOKIE) != null) {
            response.addCookie(cookie(request, "", 0));
        }
    }

    /** A path of this site: "//host" or "/\host" would send the browser elsewhere. */
    private static boolean safe(String target) {
        return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")
                && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        String path = request.getContextPath();
        cookie.setPath(path.isEmpty() ? "/" : path);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
