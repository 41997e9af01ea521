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
 * Records each object a user opens, in one place: a show page ({@code /<kind path>/<id>} of a kind with pages) that
 * answered 200 — the page shows only what the user may see, and a change ends on it (post, redirect, get), so opened
 * and changed objects are both recorded ({@link RecentObjects}, the home page's recent objects).
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

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failed) {
        Principal user = request.getUserPrincipal();
        if (failed != null || user == null || !"GET".equals(request.getMethod())
                || response.getStatus() != HttpStatus.OK.value()) {
            return;
        }
        Long id = shown(request.getRequestURI().substring(request.getContextPath().length()));
        if (id != null) {
            recent.opened(user.getName(), id, clock.instant());
        }
    }

    /** The ID of the object whose show page the path is, or null. */
    static Long shown(String path) {
        Matcher show = path == null ? null : SHOW.matcher(path);
        if (show == null || !show.matches()) {
            return null;
        }
        boolean kindPage = Kinds.byPath(show.group(1)).map(Kind::pages).orElse(false);
        return kindPage ? Long.valueOf(show.group(2)) : null;
    }
}
