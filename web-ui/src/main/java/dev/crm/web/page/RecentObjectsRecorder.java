package dev.crm.web.page;

import dev.crm.query.object.RecentObjects;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records each object a user opens or changes on the pages, in one place ({@link RecentObjects}, the home page's
 * recent objects): a show page ({@code /<kind path>/<id>} of a kind with pages) that answered 200. It shows only what
 * the user may see, and every change on the pages ends on it (post, redirect, get), so a change is an open too. Calls
 * of the API are not recorded: a script's changes are not what its user opened, and each API call keeps its round
 * trips ({@code RoundTripsIT}).
 */
@Component
class RecentObjectsRecorder implements HandlerInterceptor, WebMvcConfigurer {

    /** A show page's address. */
    static final Pattern SHOW = Pattern.compile("^/([a-z-]+)/(\\d{1,18})$");

    private final RecentObjects recent;
    private final Clock clock;

    RecentObjectsRecorder(RecentObjects recent, Clock clock) {
        this.recent = recent;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /**
     * After the handler answered without an exception (one that refused the object, 404, ends before this), and
     * before the page is written: once the browser has the page, the open is recorded, so a home page asked for
     * next lists it.
     */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           org.springframework.web.servlet.ModelAndView view) {
        Principal user = request.getUserPrincipal();
        if (user == null) {
            return;
        }
        Long id = touched(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()),
                response.getStatus());
        if (id != null) {
            recent.opened(user.getName(), id, clock.instant());
        }
    }

    /** The ID of the object whose show page answered the request, or null. */
    static Long touched(String method, String path, int status) {
        return "GET".equals(method) && status == HttpStatus.OK.value() ? shown(path) : null;
    }

    /** The ID of the object whose show page the path is, or null. */
    static Long shown(String path) {
        Matcher show = path == null ? null : SHOW.matcher(path);
        if (show == null || !show.matches()) {
            return null;
        }
        return kindWithPages(show.group(1)) ? Long.valueOf(show.group(2)) : null;
    }

    private static boolean kindWithPages(String path) {
        return Kinds.byPath(path).map(Kind::pages).orElse(false);
    }
}
