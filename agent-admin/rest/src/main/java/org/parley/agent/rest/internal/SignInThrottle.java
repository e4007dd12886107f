package org.parley.agent.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Slows down password guessing: after {@link #PER_ACCOUNT} failed attempts on one login, or {@link #PER_ADDRESS}
 * from one client address, within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the
 * window. An attempt counts as failed from the moment it is admitted, so parallel guesses cannot slip past the
 * limit; success takes it back. Kept in memory: a restart forgets it, and each Parley node counts alone.
 */
@Component(service = SignInThrottle.class)
public final class SignInThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Above this many remembered keys, keys without recent failures are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    @Activate
    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Admits an attempt, counting it as failed until {@link #succeeded}.
     *
     * @return empty when admitted; otherwise the seconds to wait
     */
    synchronized OptionalLong admit(String login, String address) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(times -> expire(times, now).isEmpty());
        }
        Deque<Instant> account = failures.computeIfAbsent(accountKey(login), key -> new ArrayDeque<>());
        Deque<Instant> client = failures.computeIfAbsent(addressKey(address), key -> new ArrayDeque<>());
        long wait = Math.max(waitSeconds(expire(account, now), PER_ACCOUNT, now),
                waitSeconds(expire(client, now), PER_ADDRESS, now));
        if (wait > 0) {
            return OptionalLong.of(wait);
        }
        account.addLast(now);
        client.addLast(now);
        return OptionalLong.empty();
    }

    /** The admitted attempt was right: the account starts afresh, and the address's count loses this attempt. */
    synchronized void succeeded(String login, String address) {
        failures.remove(accountKey(login));
        Deque<Instant> client = failures.get(addressKey(address));
        if (client != null && !client.isEmpty()) {
            client.removeLast();
        }
    }

    private static Deque<Instant> expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
        return times;
    }

    private static long waitSeconds(Deque<Instant> times, int limit, Instant now) {
        if (times.size() < limit) {
            return 0;
        }
        Duration left = Duration.between(now, times.peekFirst().plus(WINDOW));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    /** Known or not, a login is counted the same way, so the answers do not tell which logins exist. */
    private static String accountKey(String login) {
        return "login:" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
