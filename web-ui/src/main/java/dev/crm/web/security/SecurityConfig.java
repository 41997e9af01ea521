package dev.crm.web.security;

import dev.crm.query.user.UserQueries;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page and endpoint needs a signed-in user; only the sign-in page, static assets and the health
 * probe are open. The API takes HTTP Basic or the browser's session; CSRF protects every request that
 * rides on the session (a request with its own Authorization header carries no ambient credentials).
 * Who may do what to an object is decided elsewhere, by the object's rules.
 *
 * <p>Every password check, Basic or form, goes through the {@link LoginThrottle} first; every request of
 * a session checks that its user is still active ({@link ActiveSessionFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final RequestMatcher HAS_AUTHORIZATION_HEADER =
            (HttpServletRequest request) -> request.getHeader("Authorization") != null;

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
        return http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authenticationManager(passwords.manager())
                .addFilterAfter(new ActiveSessionFilter(users, problems::sessionEnded), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.realmName("crm").authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.ignoringRequestMatchers(HAS_AUTHORIZATION_HEADER))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ProblemSecurityHandlers problems, Passwords passwords,
                                 UserQueries users) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authenticationManager(passwords.manager())
                .addFilterAfter(new ActiveSessionFilter(users, problems::sessionEnded), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("admin"))
                .httpBasic(b -> b.realmName("crm").authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.ignoringRequestMatchers(HAS_AUTHORIZATION_HEADER))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, Passwords passwords, UserQueries users) throws Exception {
        return http
                .authenticationManager(passwords.manager())
                .addFilterAfter(new ActiveSessionFilter(users, SecurityConfig::toSignInPage),
                        SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfig::signInFailed).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // htmx requests after the session expired get HX-Refresh, so the whole page goes to sign-in
                // instead of the sign-in form being swapped into a fragment.
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
                                new RequestHeaderRequestMatcher("HX-Request"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'")))
                .build();
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
