package dev.crm.web.config;

import dev.crm.query.user.UserView;
import dev.crm.shared.user.UserKind;
import dev.crm.web.security.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The one place that decides the reader's language and time zone (issue 16; docs/architecture.md, "Languages and
 * time zones"). Signed in: the user's setting; before sign-in, or with none chosen: the browser's
 * {@code Accept-Language} among the languages the CRM has ({@link UserKind#LANGUAGES}); else English. The zone is the
 * user's, else the server's {@code crm.time-zone} (UTC unless set). Pages ({@code Dates}, {@code Texts}), problem
 * details and e-mails written for a request read them through {@code LocaleContextHolder}. The user is read lazily,
 * once per request (the security package keeps the request's user).
 */
@Component("localeResolver")
public class ReaderLocaleResolver implements LocaleContextResolver {

    private final CurrentActor current;
    private final TimeZone fallbackZone;

    ReaderLocaleResolver(CurrentActor current, @Value("${crm.time-zone:UTC}") String fallbackZone) {
        this.current = current;
        this.fallbackZone = TimeZone.getTimeZone(ZoneId.of(fallbackZone));
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return new TimeZoneAwareLocaleContext() {
            private Optional<UserView> user;

            private Optional<UserView> user() {
                if (user == null) {
                    user = current.user();
                }
                return user;
            }

            @Override
            public Locale getLocale() {
                return choose(user().map(UserView::language).orElse(null), accepted(request));
            }

            @Override
            public TimeZone getTimeZone() {
                return user().map(UserView::timeZone).map(z -> TimeZone.getTimeZone(ZoneId.of(z))).orElse(fallbackZone);
            }
        };
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLocaleContext(request).getLocale();
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        throw new UnsupportedOperationException("the language is a user's setting (/settings)");
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is a user's setting (/settings)");
    }

    /**
     * The reader's language for code outside the dispatcher too (security handlers, Tomcat's error problems): this
     * resolver's answer; the browser's when no application context is at hand.
     */
    public static Locale localeOf(HttpServletRequest request) {
        try {
            org.springframework.web.servlet.LocaleResolver resolver =
                    org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request);
            if (resolver == null) {
                org.springframework.web.context.WebApplicationContext context =
                        org.springframework.web.servlet.support.RequestContextUtils.findWebApplicationContext(request);
                resolver = context == null ? null : context.getBeanProvider(ReaderLocaleResolver.class).getIfAvailable();
            }
            if (resolver != null) {
                return resolver.resolveLocale(request);
            }
        } catch (RuntimeException e) {
            // no user to read (the database is away): the browser's language
        }
        return choose(null, accepted(request));
    }

    /** {@link #localeOf(HttpServletRequest)} for a request the dispatcher handles (an exception handler's). */
    public static Locale localeOf(org.springframework.web.context.request.WebRequest request) {
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
            return localeOf(servlet.getRequest());
        }
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    /** The browser's languages, best first; none when it sent no {@code Accept-Language} (not the server's). */
    public static List<Locale> accepted(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? List.of() : Collections.list(request.getLocales());
    }

    /** The user's language (null: none chosen) wins, then the browser's first one the CRM has, then English. */
    public static Locale choose(String userLanguage, List<Locale> accepted) {
        if (userLanguage != null && UserKind.LANGUAGES.contains(userLanguage)) {
            return Locale.forLanguageTag(userLanguage);
        }
        for (Locale locale : accepted) {
            if (UserKind.LANGUAGES.contains(locale.getLanguage())) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.forLanguageTag(UserKind.LANGUAGES.get(0));
    }
}
