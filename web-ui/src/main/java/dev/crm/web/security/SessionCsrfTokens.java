package dev.crm.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session, as Spring keeps them (pages and API share one token), except that a token
 * never opens a session of its own: Spring saves a fresh token even when it only compares it with a request
 * that has none, so every POST without a session used to leave one behind. A session is opened for a token
 * only where {@code mayOpenSession} allows it: a page that puts the token into a form (the sign-in page).
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final boolean mayOpenSession;

    private SessionCsrfTokens(boolean mayOpenSession) {
        this.mayOpenSession = mayOpenSession;
    }

    /** For the API: a token is only ever compared there, never handed out. */
    static SessionCsrfTokens neverOpeningSessions() {
        return new SessionCsrfTokens(false);
    }

    /** For pages: a GET may open a session to show the token in a form; a POST without a session cannot match. */
    static SessionCsrfTokens openingSessionsForPages() {
        return new SessionCsrfTokens(true);
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null
                && !(mayOpenSession && Requests.SAFE_METHODS.contains(request.getMethod()))) {
            return;
        }
        sessions.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return sessions.loadToken(request);
    }
}
