package dev.crm.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.catalina.session.TooManyActiveSessionsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;

/**
 * Sessions are bounded (see {@link BoundedSessionManager}): {@code crm.sessions.max} at once, and a session
 * that never signed in lives {@code crm.sessions.sign-in-timeout} of idleness; signing in gives it the full
 * {@code server.servlet.session.timeout}. When every session is taken by signed-in users, a request that needs
 * a new one gets 503 with {@code Retry-After} instead of an error from deep inside Tomcat.
 */
@Configuration(proxyBeanMethods = false)
class SessionLimits {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> boundedSessions(
            @Value("${crm.sessions.max}") int max, @Value("${crm.sessions.sign-in-timeout}") Duration signInTimeout) {
        return factory -> factory.addContextCustomizers(context ->
                context.setManager(new BoundedSessionManager(max, signInTimeout)));
    }

    @Bean
    HttpSessionAttributeListener signedInSessionsGetTheFullTimeout(ServerProperties server) {
        int seconds = (int) server.getServlet().getSession().getTimeout().toSeconds();
        return new HttpSessionAttributeListener() {
            @Override
            public void attributeAdded(HttpSessionBindingEvent event) {
                if (BoundedSessionManager.SIGNED_IN.equals(event.getName())) {
                    event.getSession().setMaxInactiveInterval(seconds);
                }
            }

            @Override
            public void attributeReplaced(HttpSessionBindingEvent event) {
                attributeAdded(event);
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> sessionsFullAnswer(ObjectMapper json, MessageSource messages) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!full(e) || response.isCommitted()) {
                    throw e;
                }
                refuse((HttpServletRequest) request, (HttpServletResponse) response, json, messages);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("sessionsFullAnswer");
        return registration;
    }

    private static boolean full(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TooManyActiveSessionsException) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                               MessageSource messages) throws IOException {
        String detail = messages.getMessage("error.sessions-full", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        String title = messages.getMessage("problem.sessions-full.title", null, dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "60");
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            problem.setType(URI.create("urn:crm:problem:unavailable"));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            // no template: rendering one could need the very session that cannot be had
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getOutputStream().write(("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                    + HtmlUtils.htmlEscape(title) + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title)
                    + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
        }
    }
}
