package dev.crm.web.security;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

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
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Where the API needs the CSRF token: a change that rides on the session. Not for an anonymous request
     * (it is answered 401, and comparing tokens would open a session), nor for explicit Basic credentials
     * from a script or the same origin.
     */
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
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return stateless(http.securityMatcher("/api/**", "/v3/api-docs/**"), problems)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return stateless(http.securityMatcher("/actuator/**"), problems)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("admin"))
                .build();
    }

    /** API and actuator: Basic or an existing session; nothing is created for a request that is neither. */
    private static HttpSecurity stateless(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http
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
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        // relative, so the Host header a client sent is never echoed into a Location
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        signIn.setFavorRelativeUris(true);
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .requestCache(c -> c.requestCache(new ReturnAfterSignIn()))
                .csrf(c -> c.csrfTokenRepository(SessionCsrfTokens.openingSessionsForPages()))
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
}
