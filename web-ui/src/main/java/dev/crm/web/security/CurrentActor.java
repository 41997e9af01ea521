package dev.crm.web.security;

import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import dev.crm.shared.Actor;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the signed-in user as an {@link Actor}, with the roles the users read model holds
 * now: a role taken away, or a user deactivated, counts from the next request, not the next sign-in.
 * A user who is not (or no longer) signed in is an authentication failure, answered by Spring Security
 * as 401 (API) or the sign-in page, like a request without credentials; the {@link ActiveSessionFilter}
 * ends a deactivated user's session before it gets here, this covers the moment in between.
 */
@Component
public class CurrentActor implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final UserQueries users;

    CurrentActor(UserQueries users) {
        this.users = users;
    }

    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        return RequestUser.get(auth.getName(), users::find).filter(UserView::active).map(UserView::actor)
                .orElseThrow(() -> new InsufficientAuthenticationException("no active user"));
    }

    /** The signed-in active user as this request read them; empty before sign-in (or for a deactivated user). */
    public java.util.Optional<UserView> user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return java.util.Optional.empty();
        }
        return RequestUser.get(auth.getName(), users::find).filter(UserView::active);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return get();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
