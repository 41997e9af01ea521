package dev.crm.web.security;

import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import java.util.Arrays;
import java.util.List;

/**
 * Ends the session of a user deactivated since they signed in, on their next request: the session is
 * invalidated and the request answered by {@code ended} (401 problem for the API, the sign-in page with
 * a message for pages). HTTP Basic needs no such check: it signs in again on every request, and inactive
 * users cannot. Runs right after the session's security context is loaded, for pages and their requests, not
 * for static resources: a font or icon the browser fetches late must not end a session (nor cost a lookup),
 * the next page does.
 */
final class ActiveSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ActiveSessionFilter.class);

    /** How a request of an ended session is answered. */
    @FunctionalInterface
    interface Ended {
        void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final UserQueries users;
    private final Ended ended;
    private final List<PathPattern> skipped;

    ActiveSessionFilter(UserQueries users, Ended ended, String... skippedPaths) {
        this.users = users;
        this.ended = ended;
        this.skipped = Arrays.stream(skippedPaths).map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return skipped.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !active(SecurityContextHolder.getContext().getAuthentication())) {
            String username = SecurityContextHolder.getContext().getAuthentication().getName();
            log.info("Ended the session of {}: the account is no longer active", username);
            SecurityContextHolder.clearContext();
            session.invalidate();
            ended.answer(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** True also when nobody is signed in, and when the database cannot say (the request then fails on its own). */
    private boolean active(Authentication auth) {
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return true;
        }
        try {
            return RequestUser.get(auth.getName(), users::find).filter(UserView::active).isPresent();
        } catch (DataAccessException e) {
            return true;
        }
    }
}
