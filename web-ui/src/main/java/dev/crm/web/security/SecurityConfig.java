package dev.crm.web.security;

import dev.crm.query.user.UserQueries;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Every page and endpoint needs a signed-in user; only the sign-in page, static assets and the health
 * probe are open. The API takes HTTP Basic or the browser's session. Who may do what to an object is
 * decided elsewhere, by the object's rules.
 *
 * <p>A request that is not signed in leaves nothing behind on the API (no session, no saved request); on
 * pages only the sign-in page opens a session, for its form's CSRF token (bounded by {@link SessionLimits}).
 * CSRF protects every request that rides on the session. It is skipped only for a request that brings its
 * own Basic credentials, and not even then when a browser sends it for another site's page: a browser that
 * remembered Basic credentials would attach them there too.
 *
 * <p>Every password check, Basic or form, goes through the {@link LoginThrottle} first; every request of
 * a session checks that its user is still active ({@link ActiveSessionFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Where the API needs the CSRF token: a change that rides on the session. Not for an anonymous request
     * (it is answered 401, and comparing tokens would open a session), nor for explicit Basic credentials
     * from a script or the same origin.
     */
    /** Scripts, styles, fonts and icons: open to all, and no request of theirs ends or looks up a session. */
    private static final String[] STATIC = {"/webjars/**", "/css/**", "/js/**", "/favicon.ico"};

    /** A campaign message's unsubscribe link (its page and its form): open without signing in. */
    private static final RequestMatcher UNSUBSCRIBE = (HttpServletRequest request) ->
            request.getRequestURI().substring(request.getContextPath().length())
                    .matches("/unsubscribe/[A-Za-z0-9_-]{1,64}")
                    && ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()));

    /**
     * RFC 8058's one-click unsubscribe, which mail clients send without a session or a CSRF token: a POST to an
     * unsubscribe link with the body (not the query) {@code List-Unsubscribe=One-Click}, and nothing else. Its controller only clears
     * the flag of the token's recipient (404 for an unknown token).
     */
    private static final RequestMatcher ONE_CLICK_UNSUBSCRIBE = (HttpServletRequest request) ->
            "POST".equals(request.getMethod()) && UNSUBSCRIBE.matches(request) && request.getQueryString() == null
                    && "One-Click".equals(request.getParameter("List-Unsubscribe"));

    private static final RequestMatcher API_CSRF = (HttpServletRequest request) ->
            !Requests.SAFE_METHODS.contains(request.getMethod())
                    && (Requests.sendsBasicCredentials(request) ? Requests.fromAnotherOrigin(request)
                    : Requests.signedInBySession());

    /** bcrypt, with verified passwords remembered for a few minutes (see {@link VerifiedPasswordCache}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                java.time.Duration.ofMinutes(5), 10_000);
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(clock, LoginThrottle.MAX_ENTRIES);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems, Passwords passwords,
                            UserQueries users) throws Exception {
        return stateless(http.securityMatcher("/api/**", "/v3/api-docs/**"), problems, passwords, users)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ProblemSecurityHandlers problems, Passwords passwords,
                                 UserQueries users) throws Exception {
        return stateless(http.securityMatcher("/actuator/**"), problems, passwords, users)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("admin"))
                .build();
    }

    /** API and actuator: Basic or an existing session; nothing is created for a request that is neither. */
    private static HttpSecurity stateless(HttpSecurity http, ProblemSecurityHandlers problems, Passwords passwords,
                                          UserQueries users) throws Exception {
        return http
                .authenticationManager(passwords.manager())
                .addFilterAfter(new ActiveSessionFilter(users, problems::sessionEnded), SecurityContextHolderFilter.class)
                .httpBasic(b -> b.realmName("crm").authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // disabling the cache would let the exception handling fall back to a session-backed one
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(c -> c.csrfTokenRepository(SessionCsrfTokens.neverOpeningSessions())
                        .requireCsrfProtectionMatcher(API_CSRF))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, Passwords passwords, UserQueries users,
                              dev.crm.app.user.UserAdministration administration) throws Exception {
        ReturnAfterSignIn returnAfterSignIn = new ReturnAfterSignIn();
        // relative, so the Host header a client sent is never echoed into a Location
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        signIn.setFavorRelativeUris(true);
        return http
                .authenticationManager(passwords.manager())
                .addFilterAfter(new ActiveSessionFilter(users, SecurityConfig::toSignInPage, STATIC),
                        SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(STATIC).permitAll()
                        .requestMatchers("/login", "/error").permitAll()
                        .requestMatchers(UNSUBSCRIBE).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(new BrowserZoneAtSignIn(users, administration, returnAfterSignIn))
                        .failureHandler(SecurityConfig::signInFailed).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .requestCache(c -> c.requestCache(returnAfterSignIn))
                .csrf(c -> c.csrfTokenRepository(SessionCsrfTokens.openingSessionsForPages())
                        .ignoringRequestMatchers(ONE_CLICK_UNSUBSCRIBE))
                // htmx requests after the session expired get HX-Refresh, so the whole page goes to sign-in
                // instead of the sign-in form being swapped into a fragment.
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
                                new RequestHeaderRequestMatcher("HX-Request"))
                        .defaultAuthenticationEntryPointFor(signIn, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(SecurityConfig::pageAccessDenied))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * A form sent without a session has no CSRF token to match: the session ran out (a sign-in page left
     * open longer than the sign-in timeout, or a page after the session's). That is not a refusal but
     * "sign in again"; everything else is the usual 403 page.
     */
    private static void pageAccessDenied(HttpServletRequest request, HttpServletResponse response,
                                         AccessDeniedException e) throws IOException, ServletException {
        if (e instanceof CsrfException && !Requests.signedInBySession()) {
            if (request.getHeader("HX-Request") != null) {
                new HxRefreshHeaderAuthenticationEntryPoint().commence(request, response,
                        new InsufficientAuthenticationException(e.getMessage()));
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        new AccessDeniedHandlerImpl().handle(request, response, e);
    }

    /** The sign-in form again, saying why: a wrong password, or how long to wait after too many. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException e) throws IOException {
        String query = e instanceof LoginThrottled throttled ? "throttled=" + throttled.retryAfterSeconds() : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }

    /** A page request of an ended session goes to the sign-in page, which says why (htmx: the whole page). */
    private static void toSignInPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signIn = request.getContextPath() + "/login?ended";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", signIn);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(signIn);
        }
    }

    /** The password check of every chain: the users read model, bcrypt, the throttle in front. */
    @Component
    static class Passwords {

        private final UserDetailsService users;
        private final PasswordEncoder encoder;
        private final LoginThrottle throttle;

        Passwords(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
            this.users = users;
            this.encoder = encoder;
            this.throttle = throttle;
        }

        AuthenticationManager manager() {
            DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
            dao.setPasswordEncoder(encoder);
            return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
        }
    }
}
