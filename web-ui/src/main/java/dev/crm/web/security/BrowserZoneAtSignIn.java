package dev.crm.web.security;

import dev.crm.app.user.UserAdministration;
import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After a sign-in on the form: a user without a time zone gets the browser's (the sign-in page's hidden
 * {@code timeZone}, filled by {@code login.js}); then on to the page asked for, or home (issue 16). A zone the CRM
 * does not know, or a failure to keep it, never stops the sign-in: the server's default zone stays.
 */
final class BrowserZoneAtSignIn implements AuthenticationSuccessHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserZoneAtSignIn.class);

    private final UserQueries users;
    private final UserAdministration administration;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    BrowserZoneAtSignIn(UserQueries users, UserAdministration administration, RequestCache requests) {
        this.users = users;
        this.administration = administration;
        next.setDefaultTargetUrl("/");
        next.setRequestCache(requests);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        String zone = request.getParameter("timeZone");
        if (zone != null && !zone.isBlank()) {
            try {
                users.find(authentication.getName()).filter(u -> u.timeZone() == null).map(UserView::actor)
                        .ifPresent(actor -> administration.rememberBrowserZone(actor, zone.strip()));
            } catch (RuntimeException e) {
                LOG.warn("The browser's time zone of {} was not kept: {}", authentication.getName(), e.toString());
            }
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
