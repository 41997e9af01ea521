package dev.crm.web.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.catalina.Session;
import org.apache.catalina.session.StandardManager;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Tomcat's session manager with a bound: at most {@code max} sessions. Sessions that never signed in (the
 * sign-in page's, which only hold its CSRF token) live for {@code signInTimeout} of idleness, not the full
 * session timeout, and when the bound is reached they make room: first the expired ones are dropped (Tomcat
 * itself only looks once a minute), then the least recently used of those that never signed in. So a flood
 * of sign-in page views costs at most {@code max} small sessions and cannot lock anybody out; only when
 * every session is signed in is a new one refused ({@code TooManyActiveSessionsException}, answered 503 by
 * {@link SessionLimits}).
 */
final class BoundedSessionManager extends StandardManager {

    static final String SIGNED_IN = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final int signInTimeoutSeconds;
    private final int evictAtOnce;

    BoundedSessionManager(int max, Duration signInTimeout) {
        setMaxActiveSessions(max);
        this.signInTimeoutSeconds = (int) Math.max(1, signInTimeout.toSeconds());
        // making room costs a pass over all sessions: free a slice at once, not one session per new one
        this.evictAtOnce = Math.max(1, max / 100);
    }

    /**
     * Makes room if needed and creates the session in one step: with the check and the creation apart, two
     * requests could both find the one free place and the second be refused (a 503 under a burst of sign-in
     * page views, seen in {@code AnonymousFloodIT}). Creating a session is rare next to using one.
     */
    @Override
    public synchronized Session createSession(String sessionId) {
        if (getActiveSessions() >= getMaxActiveSessions()) {
            makeRoom();
        }
        Session session = super.createSession(sessionId);
        session.setMaxInactiveInterval(signInTimeoutSeconds);
        return session;
    }

    private void makeRoom() {
        processExpires();
        if (getActiveSessions() < getMaxActiveSessions()) {
            return;
        }
        Arrays.stream(findSessions()).filter(BoundedSessionManager::neverSignedIn)
                .sorted(Comparator.comparingLong(Session::getLastAccessedTimeInternal))
                .limit(evictAtOnce)
                .forEach(Session::expire);
    }

    static boolean neverSignedIn(Session session) {
        try {
            return session.isValid() && session.getSession().getAttribute(SIGNED_IN) == null;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
