package dev.crm.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing down, per account and per client address, before any password is checked.
 *
 * <ul>
 *   <li>An account may fail {@value #ACCOUNT_FREE} times; from then on each attempt must wait after the
 *       last failure 1 s, 2 s, 4 s … at most {@link #MAX_DELAY}. A client address may fail
 *       {@value #ADDRESS_FREE} times (over all accounts: an office behind one address, or someone trying
 *       many usernames) before the same delays apply to it. Failures are forgotten {@link #WINDOW} after the
 *       last one; a successful sign-in forgets the account's failures.</li>
 *   <li>A refused attempt is answered at once: it never reaches bcrypt nor the {@link VerifiedPasswordCache},
 *       and it is not counted, so the wait never grows beyond {@link #MAX_DELAY}: nobody is locked out for
 *       longer than that, and never for good.</li>
 *   <li>An address the account signed in from within {@link #KNOWN_FOR} is not held back by the account's
 *       failures (only by its own address's): someone guessing from elsewhere cannot keep the user out.</li>
 *   <li>An attempt counts as a failure from the moment it is let through until it succeeds, so many
 *       attempts sent at once are not all let through while the first ones are still in bcrypt.</li>
 *   <li>Memory is bounded: each table keeps at most {@code maxEntries} entries (Caffeine evicts the least
 *       useful), however many usernames or addresses an attacker makes up. IPv6 addresses count per /64,
 *       the block one client usually has.</li>
 * </ul>
 *
 * The counters live in this process: with several instances, each counts its own attempts. Time comes from
 * the injected {@link Clock}.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    static final Duration KNOWN_FOR = Duration.ofDays(1);
    static final int MAX_ENTRIES = 50_000;
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    /** Failures in a row (each within {@link #WINDOW} of the one before) and when the last one was. */
    record Failures(int count, Instant last) {
    }

    /** Replaced only by tests, to move time instead of waiting for it. */
    private volatile Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;
    /** account and address: when the account last signed in from there. */
    private final Cache<String, Instant> signedInFrom;

    LoginThrottle(Clock clock, int maxEntries) {
        this.clock = clock;
        this.accounts = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(WINDOW).build();
        this.addresses = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(WINDOW).build();
        this.signedInFrom = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(KNOWN_FOR).build();
    }

    /**
     * Asks to check a password: empty when it may be checked (it then counts as a failure until
     * {@link #succeeded} or {@link #notChecked} says otherwise), else how long the client must wait.
     */
    Optional<Duration> attempt(String username, String address) {
        Instant now = clock.instant();
        String account = account(username);
        String from = address(address);
        Duration wait = remaining(addresses.getIfPresent(from), ADDRESS_FREE, now);
        if (!knows(account, from, now)) {
            Duration accountWait = remaining(accounts.getIfPresent(account), ACCOUNT_FREE, now);
            wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        count(accounts, account, now);
        count(addresses, from, now);
        return Optional.empty();
    }

    /** The password was wrong (or the user unknown or inactive): the attempt stays counted. */
    void failed(String username, String address) {
        Failures account = accounts.getIfPresent(account(username));
        if (account != null && account.count() == ACCOUNT_FREE) {
            log.warn("Sign-in to '{}' failed {} times in a row: further attempts are delayed (last from {})",
                    printable(username), ACCOUNT_FREE, printable(address));
        }
        Failures from = addresses.getIfPresent(address(address));
        if (from != null && from.count() == ADDRESS_FREE) {
            log.warn("{} sign-ins from {} failed: further attempts from there are delayed", ADDRESS_FREE,
                    printable(address));
        }
    }

    /** Signed in: the account's failures are forgotten, and this address is one it signs in from. */
    void succeeded(String username, String address) {
        String account = account(username);
        String from = address(address);
        accounts.invalidate(account);
        uncount(addresses, from);
        signedInFrom.put(account + '\n' + from, clock.instant());
    }

    /** The password could not be checked at all (the database is gone): that was no guess. */
    void notChecked(String username, String address) {
        uncount(accounts, account(username));
        uncount(addresses, address(address));
    }

    /** Reads time from this clock from now on (tests move it instead of waiting). */
    void useClock(Clock newClock) {
        this.clock = newClock;
    }

    /** Forgets every counter (tests that failed on purpose clean up after themselves). */
    void forgetAll() {
        accounts.invalidateAll();
        addresses.invalidateAll();
        signedInFrom.invalidateAll();
    }

    long entries() {
        accounts.cleanUp();
        addresses.cleanUp();
        signedInFrom.cleanUp();
        return accounts.estimatedSize() + addresses.estimatedSize() + signedInFrom.estimatedSize();
    }

    /** 1 s after the first failure beyond the free ones, doubling with each further one, at most a minute. */
    static Duration delay(int beyondFree) {
        if (beyondFree >= 30) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << beyondFree);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static Duration remaining(Failures failures, int free, Instant now) {
        if (failures == null || failures.count() < free || !failures.last().plus(WINDOW).isAfter(now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(delay(failures.count() - free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private boolean knows(String account, String from, Instant now) {
        Instant at = signedInFrom.getIfPresent(account + '\n' + from);
        return at != null && at.plus(KNOWN_FOR).isAfter(now);
    }

    private static void count(Cache<String, Failures> cache, String key, Instant now) {
        cache.asMap().compute(key, (k, f) -> f == null || !f.last().plus(WINDOW).isAfter(now)
                ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    private static void uncount(Cache<String, Failures> cache, String key) {
        cache.asMap().computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.last()));
    }

    /** Usernames are lower case; a longer name than any username can be is still one account to slow down. */
    private static String account(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static String address(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        String prefix = address.indexOf(':') < 0 ? null : ipv6Prefix(address);
        return prefix == null ? address : prefix;
    }

    /** The /64 of an IPv6 literal ("2001:db8:0:1::/64"), or null for anything else; parsed here, never looked up. */
    static String ipv6Prefix(String literal) {
        int zone = literal.indexOf('%');
        String text = zone < 0 ? literal : literal.substring(0, zone);
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        List<String> groups = new ArrayList<>(groups(halves[0]));
        if (halves.length == 2) {
            List<String> tail = groups(halves[1]);
            boolean ipv4Tail = !tail.isEmpty() && tail.get(tail.size() - 1).contains(".");
            int zeros = 8 - groups.size() - tail.size() - (ipv4Tail ? 1 : 0);
            if (zeros < 1) {
                return null;
            }
            groups.addAll(Collections.nCopies(zeros, "0"));
            groups.addAll(tail);
        }
        if (groups.size() < 4) {
            return null;
        }
        StringBuilder prefix = new StringBuilder();
        for (String group : groups.subList(0, 4)) {
            if (!HEX_GROUP.matcher(group).matches()) {
                return null;
            }
            prefix.append(Integer.toHexString(Integer.parseInt(group, 16))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static List<String> groups(String part) {
        return part.isEmpty() ? List.of() : List.of(part.split(":", -1));
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
