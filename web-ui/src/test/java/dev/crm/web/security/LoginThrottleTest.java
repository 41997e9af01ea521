package dev.crm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The throttle's policy on an injected clock, through the same provider chain the application uses. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final TestClock clock = new TestClock();
    final LoginThrottle throttle = new LoginThrottle(clock, 1_000);
    /** How many password checks reached the encoder (bcrypt in the application). */
    final AtomicInteger checks = new AtomicInteger();
    final ThrottledAuthenticationProvider provider = provider();

    private ThrottledAuthenticationProvider provider() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return raw.toString().equals(encoded);
            }
        };
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("alice").password("alice-pass-1").roles("x").build(),
                User.withUsername("bob").password("bob-pass-123").roles("x").build());
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(counting);
        return new ThrottledAuthenticationProvider(dao, throttle);
    }

    private Authentication signIn(String username, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return provider.authenticate(token);
    }

    /** "ok", "wrong" or the seconds to wait. */
    private String outcome(String username, String password, String address) {
        try {
            signIn(username, password, address);
            return "ok";
        } catch (LoginThrottled e) {
            return "wait " + e.retryAfterSeconds();
        } catch (BadCredentialsException e) {
            return "wrong";
        }
    }

    @Test
    void twoHundredWrongPasswordsReachTheCheckFiveTimesAndTheRightUserWaitsAtMostAMinute() {
        for (int i = 0; i < 200; i++) {
            outcome("alice", "guess-" + i, "203.0.113.9");
        }
        assertThat(checks).hasValue(LoginThrottle.ACCOUNT_FREE);
        assertThat(outcome("alice", "alice-pass-1", "198.51.100.7")).isEqualTo("wait 1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(outcome("alice", "alice-pass-1", "198.51.100.7")).isEqualTo("ok");

        // the attacker goes on, one guess whenever one is let through: the delays double up to a minute
        int guesses = 0;
        Duration waited = Duration.ZERO;
        for (int i = 0; i < 400; i++) {
            String o = outcome("alice", "again-" + i, "203.0.113.9");
            if (o.equals("wrong")) {
                guesses++;
            } else {
                long seconds = Long.parseLong(o.substring(5));
                assertThat(seconds).isBetween(1L, 60L);
                clock.advance(Duration.ofSeconds(seconds));
                waited = waited.plusSeconds(seconds);
            }
        }
        // an hour of guessing gives about one guess a minute
        assertThat(waited).isLessThan(Duration.ofHours(4));
        assertThat(guesses).isLessThan(5 + (int) waited.toMinutes() + 8);
        // right after a guess, the user, from where they never signed in before, waits at most a minute
        String last = outcome("alice", "last-guess", "203.0.113.9");
        if (last.startsWith("wait")) {
            clock.advance(Duration.ofSeconds(Long.parseLong(last.substring(5))));
            assertThat(outcome("alice", "last-guess", "203.0.113.9")).isEqualTo("wrong");
        }
        String wait = outcome("alice", "alice-pass-1", "192.0.2.44");
        assertThat(wait).isEqualTo("wait 60");
        assertThat(wait).startsWith("wait");
        clock.advance(Duration.ofSeconds(Long.parseLong(wait.substring(5))));
        assertThat(outcome("alice", "alice-pass-1", "192.0.2.44")).isEqualTo("ok");
    }

    @Test
    void delaysDoubleFromOneSecondToAtMostAMinute() {
        assertThat(LoginThrottle.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(LoginThrottle.delay(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoginThrottle.delay(10_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anAddressTheUserSignedInFromIsNotHeldBackBySomeoneGuessingElsewhere() {
        assertThat(outcome("bob", "bob-pass-123", "198.51.100.7")).isEqualTo("ok");
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(outcome("bob", "guess-" + i, "203.0.113.9")).isEqualTo("wrong");
        }
        assertThat(outcome("bob", "guess", "203.0.113.9")).startsWith("wait");
        assertThat(outcome("bob", "bob-pass-123", "198.51.100.7")).isEqualTo("ok");
        // and after a success the account's count starts again (the guesser's address still has its own)
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
            assertThat(outcome("bob", "guess", "192.0.2.44")).isEqualTo("wrong");
        }
        assertThat(outcome("bob", "guess", "192.0.2.44")).isEqualTo("wait 1");
    }

    @Test
    void oneAddressTryingManyUsernamesIsHeldBackAfterItsOwnBudget() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE; i++) {
            assertThat(outcome("user" + i, "password", "203.0.113.9")).isEqualTo("wrong");
        }
        assertThat(outcome("alice", "alice-pass-1", "203.0.113.9")).isEqualTo("wait 1");
        assertThat(outcome("alice", "alice-pass-1", "198.51.100.7")).isEqualTo("ok");
        // an IPv6 client counts per /64: changing the last 64 bits does not get a new budget
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE; i++) {
            outcome("user" + i, "password", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(outcome("alice", "alice-pass-1", "2001:db8:1:2:ffff:ffff:ffff:ffff")).startsWith("wait");
        assertThat(outcome("alice", "alice-pass-1", "2001:db8:1:3::1")).isEqualTo("ok");
    }

    @Test
    void failuresAreForgottenAfterAQuarterOfAnHourWithoutOne() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
            outcome("alice", "guess-" + i, "203.0.113.9");
        }
        assertThat(outcome("alice", "guess", "203.0.113.9")).isEqualTo("wait 1");
        clock.advance(LoginThrottle.WINDOW);
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
            assertThat(outcome("alice", "guess-" + i, "203.0.113.9")).isEqualTo("wrong");
        }
    }

    @Test
    void attemptsLetThroughCountAtOnceSoABurstIsNotLetThroughWholeWhileBcryptRuns() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
            assertThat(throttle.attempt("carol", "203.0.113.9")).isEmpty();
        }
        // none of the five has been answered yet
        assertThat(throttle.attempt("carol", "203.0.113.9")).isPresent();
    }

    @Test
    void memoryStaysBoundedWhateverUsernamesAndAddressesAreMadeUp() {
        for (int i = 0; i < 100_000; i++) {
            throttle.attempt("sprayed-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            if (i % 3 == 0) {
                throttle.succeeded("sprayed-" + i, "10.0.0." + (i & 255));
            }
        }
        assertThat(throttle.entries()).isLessThanOrEqualTo(3 * 1_000);
    }

    @Test
    void aCheckThatCouldNotRunIsNoGuess() {
        LoginThrottle alone = new LoginThrottle(clock, 100);
        for (int i = 0; i < 20; i++) {
            assertThat(alone.attempt("dave", "203.0.113.9")).isEmpty();
            alone.notChecked("dave", "203.0.113.9");
        }
        // Retry-After is whole seconds, rounded up: a client that waits that long is let through
        assertThat(new LoginThrottled(Duration.ofMillis(1_001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new LoginThrottled(Duration.ofMillis(10)).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void ipv6AddressesAreParsedHereNeverLookedUp() {
        assertThat(LoginThrottle.ipv6Prefix("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.ipv6Prefix("2001:0db8:0001:0002:0000:0000:0000:0001")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.ipv6Prefix("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(LoginThrottle.ipv6Prefix("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(LoginThrottle.ipv6Prefix("::ffff:192.0.2.1")).isEqualTo("0:0:0:0::/64");
        assertThat(LoginThrottle.ipv6Prefix("not:an:address")).isNull();
        assertThat(LoginThrottle.ipv6Prefix("1::2::3")).isNull();
    }
}
