package dev.crm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), 3, now::get);

    @Test
    void aVerifiedPasswordIsCheckedByBcryptOnceWithinTheTimeToLive() {
        String hash = cache.encode("right");
        assertThat(cache.matches("right", hash)).isTrue();
        assertThat(cache.matches("right", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(cache.matches("right", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordAlwaysGoesThroughBcryptAndIsNeverRemembered() {
        String hash = cache.encode("right");
        cache.matches("right", hash);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.matches("wrong", hash)).isFalse();
        }
        assertThat(bcryptChecks).hasValue(4);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aChangedPasswordHashNeverMatchesAnEntryOfTheOldOne() {
        String oldHash = cache.encode("right");
        cache.matches("right", oldHash);
        String newHash = cache.encode("other");
        assertThat(cache.matches("right", newHash)).isFalse();
        assertThat(cache.matches("other", newHash)).isTrue();
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        for (int i = 0; i < 10; i++) {
            String hash = cache.encode("p" + i);
            cache.matches("p" + i, hash);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }
}
