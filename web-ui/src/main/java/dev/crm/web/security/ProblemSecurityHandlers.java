package dev.crm.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401, 403 and 429 (sign-in attempts held back by the {@link LoginThrottle}) for the API as problem+json,
 * like every other API error. The Basic challenge goes only to clients that are not browsers (see
 * {@link Requests#fromBrowser}).
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final MessageSource messages;

    ProblemSecurityHandlers(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            // the credentials could not be checked at all (the database is gone): not the client's fault
            response.setHeader("Retry-After", "5");
            write(response, dev.crm.web.config.ReaderLocaleResolver.localeOf(request), HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    messages.getMessage("error.unavailable", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)));
            return;
        }
        if (e instanceof LoginThrottled throttled) {
            long seconds = throttled.retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(seconds));
            write(response, dev.crm.web.config.ReaderLocaleResolver.localeOf(request), HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                    messages.getMessage("error.login-throttled", new Object[] {seconds}, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)));
            return;
        }
        if (!Requests.fromBrowser(request)) {
            // Only scripts are invited to send Basic credentials: a browser would show its own sign-in dialog
            // and then attach what was typed to every request to the CRM, also those other sites make it send.
            response.setHeader("WWW-Authenticate", "Basic realm=\"crm\"");
        }
        write(response, dev.crm.web.config.ReaderLocaleResolver.localeOf(request), HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    /** The session's user has been deactivated: the session is gone, and the client must sign in again. */
    void sessionEnded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, dev.crm.web.config.ReaderLocaleResolver.localeOf(request), HttpStatus.UNAUTHORIZED, "unauthenticated",
                messages.getMessage("error.session-ended", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, dev.crm.web.config.ReaderLocaleResolver.localeOf(request), HttpStatus.FORBIDDEN, "forbidden");
    }

    private void write(HttpServletResponse response, Locale locale, HttpStatus status, String name)
            throws IOException {
        write(response, locale, status, name, messages.getMessage("problem." + name + ".detail", null, locale));
    }

    private void write(HttpServletResponse response, Locale locale, HttpStatus status, String name, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("problem." + name + ".title", null, locale));
        problem.setType(java.net.URI.create("urn:crm:problem:" + name));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
