package dev.crm.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a short time which (password, stored hash) pairs bcrypt has already accepted, so an API
 * client sending HTTP Basic on every request pays for bcrypt once, not on every request (bcrypt took
 * ~98 % of the CPU under load; see docs/benchmarks.md).
 *
 * <ul>
 *   <li>Only successes are remembered: a wrong password always goes through bcrypt, so guessing stays
 *       exactly as slow as before.</li>
 *   <li>The key is an HMAC, with a random per-process secret, of the stored hash and the password: no
 *       password is kept, and a changed password (a new hash) never matches an old entry.</li>
 *   <li>It only answers "this password matches this hash": the user is still loaded on every request,
 *       so a deactivated user or a changed role counts at once.</li>
 *   <li>Entries live {@code ttl}; at most {@code maxEntries} are kept (when full, expired ones go, and if
 *       none has expired, all go).</li>
 * </ul>
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final SecretKeySpec secret;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, int maxEntries) {
        this(delegate, ttl, maxEntries, System::nanoTime);
    }

    VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        long now = nanoTime.getAsLong();
        Long until = verifiedUntil.get(key);
        if (until != null && until - now > 0) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verifiedUntil.size() >= maxEntries) {
                verifiedUntil.values().removeIf(u -> u - now <= 0);
                if (verifiedUntil.size() >= maxEntries) {
                    verifiedUntil.clear();
                }
            }
            verifiedUntil.put(key, now + ttlNanos);
        } else {
            verifiedUntil.remove(key);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    int size() {
        return verifiedUntil.size();
    }

    private String key(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }
}
